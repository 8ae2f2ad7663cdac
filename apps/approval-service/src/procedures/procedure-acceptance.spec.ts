import { createChineseWorkingDayCalendar } from '@banjie/domain';
import { plannedProcedure, run } from '../test/procedure-records';
import { readAcceptance } from './procedure-acceptance';
import { dueDateOf } from './procedure-clock';
import { procedureView } from './procedure-view';
import { publicProcedureFields } from './public-procedure-fields';

const calendar = createChineseWorkingDayCalendar();
// Submitted Wed 18 Jan 2023; five working days: 19, 20, 28 (adjusted Saturday), 29 (adjusted Sunday), 30 Jan.
const submitted = () => run(plannedProcedure(), [{ action: 'submit' }, '2023-01-18']);
const asked = () =>
  run(submitted(), [{ action: 'request-supplement', supplementReason: 'MISSING_DOCUMENT' }, '2023-01-19']);
const project = { code: 'BJ-2023-0001', ownerEnterpriseId: 'ENT-1', helperLogins: [], planVersion: 1 };
const viewOf = (record: ReturnType<typeof submitted>, asOf: string) =>
  procedureView(record, project, {
    asOf,
    dueSoonWorkingDays: 3,
    acceptanceClosingSoonWorkingDays: 1,
    calendar,
    actor: { sub: 'eeb-clerk', role: 'department', department: 'EEB' },
  });

describe('the acceptance window in the public snapshot', () => {
  it('publishes the window and its last day across the Spring Festival while SUBMITTED', () => {
    expect(publicProcedureFields(submitted(), calendar)).toMatchObject({
      status: 'SUBMITTED',
      acceptanceWorkingDays: 5,
      acceptanceDueDate: '2023-01-30',
      preAcceptanceSupplement: null,
      deemedAccepted: false,
    });
  });

  it('has no last day while the supplement asked for before acceptance is owed; a new window counts from its delivery', () => {
    expect(publicProcedureFields(asked(), calendar)).toMatchObject({
      acceptanceDueDate: null,
      preAcceptanceSupplement: { from: '2023-01-19', to: null, supplementReason: 'MISSING_DOCUMENT' },
    });
    // Delivered Mon 30 Jan: 31 Jan, 1, 2, 3, 6 Feb.
    const delivered = run(asked(), [{ action: 'resubmit' }, '2023-01-30']);
    expect(publicProcedureFields(delivered, calendar).acceptanceDueDate).toBe('2023-02-06');
  });

  it('uses the plan item’s window when the plan overrides the catalogue', () => {
    const planned = run(plannedProcedure({ acceptanceWorkingDays: 2 }), [{ action: 'submit' }, '2023-01-18']);
    expect(publicProcedureFields(planned, calendar)).toMatchObject({
      acceptanceWorkingDays: 2,
      acceptanceDueDate: '2023-01-20',
    });
  });

  it('has no last day once decided, and says deemedAccepted when the law accepted', () => {
    const deemed = run(submitted(), [{ action: 'deem-accept', reason: '第三十二条' }, '2023-01-31']);
    expect(publicProcedureFields(deemed, calendar)).toMatchObject({
      status: 'ACCEPTED',
      acceptedOn: '2023-01-18',
      acceptanceDueDate: null,
      deemedAccepted: true,
      // 15 working days from 18 Jan, as if the department had accepted on the day of receipt.
      dueDate: '2023-02-13',
    });
  });

  it('has no last day (rather than a guess) when the calendar does not cover the window', () => {
    const far = run(plannedProcedure(), [{ action: 'submit' }, '2100-01-04']);
    expect(publicProcedureFields(far, calendar).acceptanceDueDate).toBeNull();
    expect(readAcceptance(far, '2100-01-05', 1, calendar)).toMatchObject({
      receivedOn: '2100-01-04',
      dueDate: null,
      remainingWorkingDays: null,
      status: 'UNKNOWN',
    });
  });

  it('publishes an art. 45 period as a pause with its reason, and moves the due date by its working days', () => {
    const accepted = run(
      plannedProcedure(),
      [{ action: 'submit' }, '2023-01-18'],
      [{ action: 'accept' }, '2023-01-18'],
    );
    expect(dueDateOf(accepted, calendar).dueDate).toBe('2023-02-13');
    // Mon 6 – Wed 8 Feb: 7 and 8 Feb are left out of the limit.
    const reviewed = run(
      accepted,
      [{ action: 'begin-excluded-period', excludedReason: 'EXPERT_REVIEW' }, '2023-02-06'],
      [{ action: 'end-excluded-period' }, '2023-02-08'],
    );
    expect(publicProcedureFields(reviewed, calendar)).toMatchObject({
      pauses: [{ from: '2023-02-06', to: '2023-02-08', excludedReason: 'EXPERT_REVIEW' }],
      dueDate: '2023-02-15',
    });
    const supplement = run(
      accepted,
      [{ action: 'request-supplement', supplementReason: 'OTHER' }, '2023-02-06'],
      [{ action: 'resubmit' }, '2023-02-08'],
    );
    expect(publicProcedureFields(supplement, calendar).pauses).toEqual([
      { from: '2023-02-06', to: '2023-02-08' },
    ]);
  });
});

describe('the acceptance block of the view', () => {
  it.each([
    ['2023-01-18', 5, 'OPEN'],
    ['2023-01-20', 3, 'OPEN'],
    ['2023-01-29', 1, 'CLOSING_SOON'],
    ['2023-01-30', 0, 'CLOSING_SOON'],
    ['2023-01-31', -1, 'LAPSED'],
  ])('as of %s: %i working days left, %s', (asOf, remaining, status) => {
    expect(viewOf(submitted(), asOf)).toMatchObject({
      deadlineStatus: 'NOT_STARTED',
      deemedAccepted: false,
      acceptance: {
        receivedOn: '2023-01-18',
        windowWorkingDays: 5,
        dueDate: '2023-01-30',
        remainingWorkingDays: remaining,
        status,
        preAcceptanceSupplement: null,
      },
    });
  });

  it('stands still while the supplement is owed', () => {
    expect(viewOf(asked(), '2023-03-01').acceptance).toEqual({
      receivedOn: null,
      windowWorkingDays: 5,
      dueDate: null,
      remainingWorkingDays: null,
      status: 'SUPPLEMENT_REQUESTED',
      preAcceptanceSupplement: { from: '2023-01-19', to: null, supplementReason: 'MISSING_DOCUMENT' },
    });
  });

  it('is absent once the application is decided; a deemed acceptance shows, with the clock running from receipt', () => {
    const deemed = run(submitted(), [{ action: 'deem-accept', reason: '第三十二条' }, '2023-01-31']);
    expect(viewOf(deemed, '2023-02-10')).toMatchObject({
      acceptance: null,
      deemedAccepted: true,
      acceptedOn: '2023-01-18',
      deadlineStatus: 'DUE_SOON',
      remainingWorkingDays: 1,
    });
    expect(viewOf(plannedProcedure(), '2023-01-18').acceptance).toBeNull();
  });
});
