import type { PlanItem } from '@banjie/contracts';
import { plannedProcedure, run } from '../test/procedure-records';
import { reconcilePlanItem } from './plan-reconciliation';

const plan = { projectCode: 'BJ-2023-0001', planVersion: 2, effectiveDate: '2023-02-15' };
const required = (overrides: Partial<PlanItem> = {}): PlanItem => ({
  procedure: 'EIA',
  applicability: 'REQUIRED',
  department: 'EEB',
  timeLimitWorkingDays: 15,
  baselineDate: '2023-03-31',
  targetDate: '2023-03-31',
  ...overrides,
});

describe('applying a plan item to a procedure', () => {
  it("opens a required procedure as PLANNED with the plan's limit and dates, and a held one with its document", () => {
    expect(reconcilePlanItem(undefined, required(), plan)).toEqual({
      kind: 'opened',
      record: plannedProcedure({ effectiveDate: '2023-02-15' }),
    });
    const held = reconcilePlanItem(
      undefined,
      {
        procedure: 'SAFETY',
        applicability: 'ALREADY_HELD',
        department: 'EMB',
        documentNumber: '酒安评〔2020〕3号',
      },
      plan,
    );
    expect(held.record).toMatchObject({
      procedureId: 'BJ-2023-0001-SAFETY',
      status: 'ALREADY_HELD',
      documentNumber: '酒安评〔2020〕3号',
      committedWorkingDays: null,
      targetDate: null,
      sequence: 1,
    });
    const defaultLimit = reconcilePlanItem(undefined, required({ timeLimitWorkingDays: undefined }), plan);
    expect(defaultLimit.record.committedWorkingDays).toBe(15);
  });

  it('moves the target but never the baseline, and publishes the change', () => {
    const outcome = reconcilePlanItem(
      plannedProcedure(),
      required({ baselineDate: '2023-03-31', targetDate: '2023-04-30' }),
      plan,
    );
    expect(outcome).toMatchObject({ kind: 'replanned', heldBack: null });
    expect(outcome.record).toMatchObject({
      baselineDate: '2023-03-31',
      targetDate: '2023-04-30',
      sequence: 2,
      effectiveDate: '2023-02-15',
    });
  });

  it('changes nothing public when the item is the same', () => {
    expect(reconcilePlanItem(plannedProcedure(), required(), plan)).toMatchObject({
      kind: 'unchanged',
      heldBack: null,
      record: { sequence: 1 },
    });
  });

  it('keeps the limit accepted for a running application, and takes the new one for the next', () => {
    const running = run(
      plannedProcedure(),
      [{ action: 'submit' }, '2023-02-01'],
      [{ action: 'accept' }, '2023-02-02'],
    );
    const outcome = reconcilePlanItem(running, required({ timeLimitWorkingDays: 25 }), plan);
    expect(outcome).toMatchObject({
      kind: 'unchanged',
      record: { committedWorkingDays: 15, plannedWorkingDays: 25 },
    });
    const withdrawn = run(
      outcome.record,
      [{ action: 'withdraw', reason: '撤回' }, '2023-02-16'],
      [{ action: 'submit' }, '2023-02-17'],
    );
    expect(withdrawn.committedWorkingDays).toBe(25);
  });

  it("takes the plan's acceptance window, else the catalogue's, and publishes a change of it", () => {
    expect(reconcilePlanItem(undefined, required({ acceptanceWorkingDays: 3 }), plan).record).toMatchObject({
      acceptanceWorkingDays: 3,
      preAcceptanceSupplement: null,
      deemedAccepted: false,
    });
    expect(reconcilePlanItem(undefined, required(), plan).record.acceptanceWorkingDays).toBe(5);
    const submitted = run(plannedProcedure(), [{ action: 'submit' }, '2023-02-01']);
    expect(reconcilePlanItem(submitted, required({ acceptanceWorkingDays: 10 }), plan)).toMatchObject({
      kind: 'replanned',
      record: { acceptanceWorkingDays: 10, sequence: 3 },
    });
  });

  it('reassigns the department until the procedure is closed', () => {
    const submitted = run(plannedProcedure(), [{ action: 'submit' }, '2023-02-01']);
    expect(reconcilePlanItem(submitted, required({ department: 'NRB' }), plan).record.department).toBe('NRB');
    const approved = run(
      submitted,
      [{ action: 'accept' }, '2023-02-02'],
      [{ action: 'approve', documentNumber: 'D-1' }, '2023-02-03'],
    );
    expect(reconcilePlanItem(approved, required({ department: 'NRB' }), plan).record.department).toBe('EEB');
  });

  it('applies a change of applicability only while no application is under way', () => {
    const notApplicable = { procedure: 'EIA', applicability: 'NOT_APPLICABLE', department: 'EEB' } as const;
    expect(reconcilePlanItem(plannedProcedure(), notApplicable, plan)).toMatchObject({
      kind: 'replanned',
      record: {
        status: 'NOT_APPLICABLE',
        committedWorkingDays: null,
        targetDate: null,
        baselineDate: '2023-03-31',
      },
    });
    const refused = run(
      plannedProcedure(),
      [{ action: 'submit' }, '2023-02-01'],
      [{ action: 'accept' }, '2023-02-02'],
      [{ action: 'refuse', reason: 'x' }, '2023-02-03'],
    );
    expect(reconcilePlanItem(refused, notApplicable, plan).record.status).toBe('NOT_APPLICABLE');

    const underWay = run(
      plannedProcedure(),
      [{ action: 'submit' }, '2023-02-01'],
      [{ action: 'accept' }, '2023-02-02'],
    );
    const held = reconcilePlanItem(underWay, notApplicable, plan);
    expect(held).toMatchObject({
      kind: 'unchanged',
      heldBack: { code: 'APPLICATION_UNDER_WAY' },
      record: { status: 'ACCEPTED', committedWorkingDays: 15 },
    });
    const approved = run(underWay, [{ action: 'approve', documentNumber: 'D-1' }, '2023-02-05']);
    expect(reconcilePlanItem(approved, notApplicable, plan)).toMatchObject({
      heldBack: { code: 'ALREADY_APPROVED' },
      record: { status: 'APPROVED' },
    });
  });

  it("does not overturn a department's marking when the plan did not change the applicability", () => {
    const marked = run(plannedProcedure(), [
      { action: 'mark-not-applicable', reason: '不涉及' },
      '2023-02-01',
    ]);
    expect(reconcilePlanItem(marked, required({ targetDate: '2023-05-31' }), plan).record.status).toBe(
      'NOT_APPLICABLE',
    );
    // A plan that itself changes the item back to REQUIRED does put it back to work.
    const planSaysNotApplicable = { ...marked, planApplicability: 'NOT_APPLICABLE' as const };
    expect(reconcilePlanItem(planSaysNotApplicable, required(), plan)).toMatchObject({
      kind: 'replanned',
      record: { status: 'PLANNED', committedWorkingDays: 15 },
    });
  });

  it("never dates a plan change before the procedure's last change", () => {
    const submitted = run(plannedProcedure(), [{ action: 'submit' }, '2023-03-01']);
    expect(
      reconcilePlanItem(submitted, required({ targetDate: '2023-06-30' }), plan).record.effectiveDate,
    ).toBe('2023-03-01');
  });
});
