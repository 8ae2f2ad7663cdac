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

  describe('before acceptance (the acceptance window, art. 32)', () => {
    const submitted = () => run(plannedProcedure(), [{ action: 'submit' }, '2023-02-01']);

    it('records the one supplement asked for before acceptance, leaves the status SUBMITTED, and closes it on resubmission', () => {
      const asked = run(submitted(), [
        { action: 'request-supplement', supplementReason: 'MISSING_DOCUMENT' },
        '2023-02-03',
      ]);
      expect(asked).toMatchObject({
        status: 'SUBMITTED',
        sequence: 3,
        preAcceptanceSupplement: { from: '2023-02-03', to: null, supplementReason: 'MISSING_DOCUMENT' },
        pauses: [],
      });
      const delivered = run(asked, [{ action: 'resubmit' }, '2023-02-08']);
      expect(delivered).toMatchObject({
        status: 'SUBMITTED',
        submittedOn: '2023-02-01',
        preAcceptanceSupplement: {
          from: '2023-02-03',
          to: '2023-02-08',
          supplementReason: 'MISSING_DOCUMENT',
        },
        pauses: [],
      });
    });

    it('clears the supplement before acceptance and the deemed acceptance with a new submission', () => {
      const deemed = run(
        submitted(),
        [{ action: 'request-supplement', supplementReason: 'OTHER' }, '2023-02-03'],
        [{ action: 'resubmit' }, '2023-02-08'],
        [{ action: 'deem-accept', reason: '第三十二条' }, '2023-02-20'],
        [{ action: 'withdraw', reason: '重新申请' }, '2023-02-21'],
        [{ action: 'submit' }, '2023-03-01'],
      );
      expect(deemed).toMatchObject({
        status: 'SUBMITTED',
        applicationNumber: 2,
        preAcceptanceSupplement: null,
        deemedAccepted: false,
        acceptedOn: null,
      });
    });

    it('deems the application accepted from the day the materials were received, with the planned limit', () => {
      const deemed = run(
        plannedProcedure({ plannedWorkingDays: 12 }),
        [{ action: 'submit' }, '2023-02-01'],
        [{ action: 'deem-accept', reason: '第三十二条' }, '2023-02-09'],
      );
      expect(deemed).toMatchObject({
        status: 'ACCEPTED',
        acceptedOn: '2023-02-01',
        effectiveDate: '2023-02-09',
        deemedAccepted: true,
        committedWorkingDays: 12,
      });
      const afterSupplement = run(
        submitted(),
        [{ action: 'request-supplement', supplementReason: 'OTHER' }, '2023-02-03'],
        [{ action: 'resubmit' }, '2023-02-08'],
        [{ action: 'deem-accept', reason: '第三十二条' }, '2023-02-16'],
      );
      expect(afterSupplement).toMatchObject({ acceptedOn: '2023-02-08', deemedAccepted: true });
    });

    it('records an acceptance by the department as not deemed', () => {
      expect(run(submitted(), [{ action: 'accept' }, '2023-02-02'])).toMatchObject({
        acceptedOn: '2023-02-02',
        deemedAccepted: false,
      });
    });

    it('refuses to accept (不予受理) from SUBMITTED without a clock', () => {
      expect(
        run(submitted(), [{ action: 'refuse', reason: '不属于本部门职权' }, '2023-02-02']),
      ).toMatchObject({
        status: 'REFUSED',
        acceptedOn: null,
        pauses: [],
      });
    });
  });

  describe('art. 45 excluded periods', () => {
    const accepted = () =>
      run(plannedProcedure(), [{ action: 'submit' }, '2023-02-01'], [{ action: 'accept' }, '2023-02-02']);
    const excluded = () =>
      run(accepted(), [{ action: 'begin-excluded-period', excludedReason: 'EXPERT_REVIEW' }, '2023-02-06']);

    it('opens a pause with its reason and closes it when the period ends', () => {
      expect(excluded()).toMatchObject({
        status: 'ACCEPTED',
        pauses: [{ from: '2023-02-06', to: null, excludedReason: 'EXPERT_REVIEW' }],
      });
      expect(run(excluded(), [{ action: 'end-excluded-period' }, '2023-02-10'])).toMatchObject({
        status: 'ACCEPTED',
        pauses: [{ from: '2023-02-06', to: '2023-02-10', excludedReason: 'EXPERT_REVIEW' }],
      });
    });

    it.each([
      [{ action: 'approve', documentNumber: '玉环审〔2023〕12号' } as const, 'APPROVED'],
      [{ action: 'refuse', reason: '论证未通过' } as const, 'REFUSED'],
      [{ action: 'withdraw', reason: '撤回' } as const, 'WITHDRAWN'],
    ])('ends an open period with the decision: %o', (command, status) => {
      expect(run(excluded(), [command, '2023-02-13'])).toMatchObject({
        status,
        pauses: [{ from: '2023-02-06', to: '2023-02-13', excludedReason: 'EXPERT_REVIEW' }],
      });
    });

    it('leaves a supplement request open on withdrawal, and an excluded period open on extension', () => {
      const supplement = run(
        accepted(),
        [{ action: 'request-supplement', supplementReason: 'OTHER' }, '2023-02-03'],
        [{ action: 'withdraw', reason: '撤回' }, '2023-02-10'],
      );
      expect(supplement.pauses).toEqual([{ from: '2023-02-03', to: null }]);
      expect(
        run(excluded(), [{ action: 'extend', days: 5, reason: '专家论证' }, '2023-02-08']).pauses,
      ).toEqual([{ from: '2023-02-06', to: null, excludedReason: 'EXPERT_REVIEW' }]);
    });
  });

  it('publishes the reason given, or the note when the action takes no reason', () => {
    expect(reasonOf({ action: 'refuse', reason: '不符合规划', note: 'n' })).toBe('不符合规划');
    expect(reasonOf({ action: 'accept', note: '材料齐全' })).toBe('材料齐全');
    expect(reasonOf({ action: 'accept' })).toBeNull();
  });
});
