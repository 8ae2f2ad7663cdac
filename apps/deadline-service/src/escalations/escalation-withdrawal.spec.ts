import { deadlineSubject } from '@banjie/workflows';
import {
  completionDayOf,
  describeWithdrawal,
  raisedInError,
  type CompletionFacts,
} from './escalation-withdrawal';

const procedure = (fields: Partial<CompletionFacts>): CompletionFacts => ({
  procedureId: 'BJ-2023-0001-EIA',
  applicationNumber: 1,
  status: 'APPROVED',
  effectiveDate: '2023-03-06',
  completedOn: '2023-03-06',
  ...fields,
});

describe('escalation withdrawal', () => {
  it('knows the completion day of a completed procedure only', () => {
    expect(completionDayOf(procedure({}))).toBe('2023-03-06');
    expect(completionDayOf(procedure({ status: 'NOT_APPLICABLE', completedOn: null }))).toBe('2023-03-06');
    expect(completionDayOf(procedure({ status: 'ACCEPTED', completedOn: null }))).toBeNull();
    expect(completionDayOf(procedure({ status: 'REFUSED', completedOn: null }))).toBeNull();
  });

  it('finds an escalation raised in error when the procedure was completed by the due date it names', () => {
    expect(raisedInError({ dueDate: '2023-03-06' }, '2023-03-06')).toBe(true);
    expect(raisedInError({ dueDate: '2023-03-06' }, '2023-03-03')).toBe(true);
    expect(raisedInError({ dueDate: '2023-03-06' }, '2023-03-07')).toBe(false);
    expect(raisedInError({ dueDate: null }, '2023-03-01')).toBe(false);
  });

  it('addresses the application’s escalations and says why, in Chinese', () => {
    expect(deadlineSubject(procedure({ applicationNumber: 2 }).procedureId, 2)).toBe(
      'procedure:BJ-2023-0001-EIA:2',
    );
    expect(describeWithdrawal({ rung: 'OVERDUE_SUPERVISOR', dueDate: '2023-03-06' }, '2023-03-06')).toBe(
      'OVERDUE_SUPERVISOR 升级提醒撤回：该手续已于 2023-03-06 办结，未超过办理时限（2023-03-06），办结信息录入晚于升级提醒。',
    );
  });
});
