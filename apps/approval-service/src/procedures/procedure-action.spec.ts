import { plannedProcedure, run } from '../test/procedure-records';
import { reasonOf } from './procedure-action';

describe('procedure actions', () => {
  it('records an application from submission to approval, one sequence step per change', () => {
    const approved = run(
      plannedProcedure(),
      [{ action: 'submit' }, '2023-02-01'],
      [{ action: 'accept' }, '2023-02-02'],
      [{ action: 'request-supplement', supplementReason: 'MISSING_DOCUMENT' }, '2023-02-06'],
      [{ action: 'resubmit' }, '2023-02-08'],
      [{ action: 'extend', days: 5, reason: '专家评审' }, '2023-02-09'],
      [{ action: 'approve', documentNumber: '玉环审〔2023〕12号' }, '2023-03-01'],
    );
    expect(approved).toMatchObject({
      status: 'APPROVED',
      sequence: 7,
      effectiveDate: '2023-03-01',
      applicationNumber: 1,
      submittedOn: '2023-02-01',
      acceptedOn: '2023-02-02',
      pauses: [{ from: '2023-02-06', to: '2023-02-08' }],
      extensionWorkingDays: 5,
      extensionsUsed: 1,
      completedOn: '2023-03-01',
      documentNumber: '玉环审〔2023〕12号',
      // The plan's dates are kept apart from the completion date.
      baselineDate: '2023-03-31',
      targetDate: '2023-03-31',
    });
  });

  it('starts a fresh application after a refusal: new number, no clock, no pauses, no extension, the plan limit', () => {
    const refused = run(
      plannedProcedure(),
      [{ action: 'submit' }, '2023-02-01'],
      [{ action: 'accept' }, '2023-02-02'],
      [{ action: 'request-supplement', supplementReason: 'OTHER' }, '2023-02-03'],
      [{ action: 'extend', days: 3, reason: '补正期间延期' }, '2023-02-04'],
      [{ action: 'withdraw', reason: '重新编制报告' }, '2023-02-10'],
    );
    expect(refused).toMatchObject({
      status: 'WITHDRAWN',
      applicationNumber: 1,
      pauses: [{ from: '2023-02-03', to: null }],
    });
    const again = run({ ...refused, plannedWorkingDays: 20 }, [{ action: 'submit' }, '2023-02-20']);
    expect(again).toMatchObject({
      status: 'SUBMITTED',
      applicationNumber: 2,
      submittedOn: '2023-02-20',
      acceptedOn: null,
      pauses: [],
      extensionWorkingDays: 0,
      extensionsUsed: 0,
      committedWorkingDays: 20,
    });
  });

  it('fixes the committed limit at acceptance', () => {
    const accepted = run(
      plannedProcedure({ plannedWorkingDays: 12 }),
      [{ action: 'submit' }, '2023-02-01'],
      [{ action: 'accept' }, '2023-02-02'],
    );
    expect(accepted.committedWorkingDays).toBe(12);
  });

  it('marks a procedure already held with the document and the day, and not applicable without a limit', () => {
    expect(
      run(plannedProcedure(), [
        { action: 'mark-already-held', documentNumber: '玉发改备〔2021〕8号', reason: '已取得' },
        '2023-01-10',
      ]),
    ).toMatchObject({
      status: 'ALREADY_HELD',
      documentNumber: '玉发改备〔2021〕8号',
      completedOn: '2023-01-10',
      committedWorkingDays: null,
    });
    expect(
      run(plannedProcedure(), [{ action: 'mark-not-applicable', reason: '不涉及' }, '2023-01-10']),
    ).toMatchObject({
      status: 'NOT_APPLICABLE',
      committedWorkingDays: null,
      completedOn: null,
    });
  });

  it('publishes the reason given, or the note when the action takes no reason', () => {
    expect(reasonOf({ action: 'refuse', reason: '不符合规划', note: 'n' })).toBe('不符合规划');
    expect(reasonOf({ action: 'accept', note: '材料齐全' })).toBe('材料齐全');
    expect(reasonOf({ action: 'accept' })).toBeNull();
  });
});
