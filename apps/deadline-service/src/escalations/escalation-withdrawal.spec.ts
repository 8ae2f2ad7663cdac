import { createChineseWorkingDayCalendar, type LocalDate } from '@banjie/domain';
import { deadlineSubject, planRungs } from '@banjie/workflows';
import {
  completionDayOf,
  describeWithdrawal,
  raisedInError,
  withdrawalGround,
  type WithdrawalFacts,
} from './escalation-withdrawal';

const procedure = (fields: Partial<WithdrawalFacts>): WithdrawalFacts => ({
  procedureId: 'BJ-2023-0001-EIA',
  applicationNumber: 1,
  status: 'APPROVED',
  effectiveDate: '2023-03-06',
  completedOn: '2023-03-06',
  dueDate: '2023-03-06',
  ...fields,
});

const calendar = createChineseWorkingDayCalendar();
const ladder = { reminderWorkingDaysBefore: [3, 0], officialAfterWorkingDays: 3, fireAt: '09:00' };
/** The deadline ladder's real rung days, as the service reads them. */
const rungDateBy = (rung: string, dueDate: string) =>
  planRungs(dueDate as LocalDate, calendar, ladder).find((planned) => planned.rung === rung)?.date ?? null;

const supervisors = { rung: 'OVERDUE_SUPERVISOR', dueDate: '2023-03-06' };
const official = { rung: 'OVERDUE_LEADING_OFFICIAL', dueDate: '2023-03-06' };
/** Accepted and still running; an extension recorded late moved its due date from 6 to 13 March 2023. */
const extended = procedure({ status: 'ACCEPTED', completedOn: null, dueDate: '2023-03-13' });

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
    expect(
      withdrawalGround(supervisors, procedure({ completedOn: '2023-03-03' }), '2023-03-20', rungDateBy),
    ).toEqual({
      kind: 'COMPLETED_IN_TIME',
      completedOn: '2023-03-03',
    });
  });

  it('withdraws an escalation whose rung a later-recorded extension moved past today', () => {
    // By the new due date (13 March) the supervisors' rung falls on 14 March, the official's on 17 March.
    expect(withdrawalGround(supervisors, extended, '2023-03-08', rungDateBy)).toEqual({
      kind: 'DUE_DATE_MOVED',
      currentDueDate: '2023-03-13',
      rungDate: '2023-03-14',
      asOf: '2023-03-08',
      completedOn: null,
    });
    expect(withdrawalGround(supervisors, extended, '2023-03-13', rungDateBy)).toMatchObject({
      rungDate: '2023-03-14',
    });
    expect(withdrawalGround(official, extended, '2023-03-14', rungDateBy)).toMatchObject({
      rungDate: '2023-03-17',
    });
  });

  it('leaves standing an escalation whose rung the procedure reached anyway by its moved due date', () => {
    expect(withdrawalGround(supervisors, extended, '2023-03-14', rungDateBy)).toBeNull();
    expect(withdrawalGround(official, extended, '2023-03-17', rungDateBy)).toBeNull();
  });

  it('leaves standing an escalation whose due date did not move later, or is unknown', () => {
    const running = procedure({ status: 'ACCEPTED', completedOn: null });
    expect(withdrawalGround(supervisors, running, '2023-03-07', rungDateBy)).toBeNull();
    expect(
      withdrawalGround(supervisors, { ...running, dueDate: '2023-03-01' }, '2023-03-07', rungDateBy),
    ).toBeNull();
    expect(withdrawalGround(supervisors, { ...running, dueDate: null }, '2023-03-07', rungDateBy)).toBeNull();
    expect(
      withdrawalGround({ ...supervisors, dueDate: null }, extended, '2023-03-07', rungDateBy),
    ).toBeNull();
    expect(
      withdrawalGround(
        { rung: 'CALENDAR_HORIZON', dueDate: '2023-03-06' },
        extended,
        '2023-03-07',
        rungDateBy,
      ),
    ).toBeNull();
  });

  it('judges a procedure completed after its first due date by its moved one, as of the completion day', () => {
    const approvedLate = { ...extended, status: 'APPROVED' as const, completedOn: '2023-03-10' };
    expect(withdrawalGround(supervisors, approvedLate, '2023-03-30', rungDateBy)).toEqual({
      kind: 'DUE_DATE_MOVED',
      currentDueDate: '2023-03-13',
      rungDate: '2023-03-14',
      asOf: '2023-03-10',
      completedOn: '2023-03-10',
    });
    expect(
      withdrawalGround(supervisors, { ...approvedLate, completedOn: '2023-03-15' }, '2023-03-30', rungDateBy),
    ).toBeNull();
  });

  it('addresses the application’s escalations and says why, in Chinese', () => {
    expect(deadlineSubject(procedure({ applicationNumber: 2 }).procedureId, 2)).toBe(
      'procedure:BJ-2023-0001-EIA:2',
    );
    expect(describeWithdrawal(supervisors, { kind: 'COMPLETED_IN_TIME', completedOn: '2023-03-06' })).toBe(
      'OVERDUE_SUPERVISOR 升级提醒撤回：该手续已于 2023-03-06 办结，未超过办理时限（2023-03-06），办结信息录入晚于升级提醒。',
    );
    expect(
      describeWithdrawal(supervisors, withdrawalGround(supervisors, extended, '2023-03-08', rungDateBy)!),
    ).toBe(
      'OVERDUE_SUPERVISOR 升级提醒撤回：办理时限已由 2023-03-06 顺延至 2023-03-13，此升级节点随之顺延至 2023-03-14，截至 2023-03-08 尚未到达；时限变更录入晚于升级提醒。',
    );
    expect(
      describeWithdrawal(
        supervisors,
        withdrawalGround(
          supervisors,
          { ...extended, status: 'APPROVED', completedOn: '2023-03-10' },
          '2023-03-30',
          rungDateBy,
        )!,
      ),
    ).toBe(
      'OVERDUE_SUPERVISOR 升级提醒撤回：办理时限已由 2023-03-06 顺延至 2023-03-13，此升级节点随之顺延至 2023-03-14，该手续已于 2023-03-10 办结，未到达该节点；时限变更录入晚于升级提醒。',
    );
  });
});
