import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  buildCalendarSnapshot,
  createChineseWorkingDayCalendar,
  packageDefinition,
  packageYears,
  workingDayCalendarOf,
  type CalendarSnapshot,
} from '@banjie/domain';
import type { DeadlineLadder } from './deadline-ladder';
import {
  calendarChangedSignal,
  clockPausedSignal,
  clockResumedSignal,
  limitExtendedSignal,
  procedureDeadlineQuery,
  procedureDeadlineWorkflow,
  procedureEndedSignal,
  type ClockFacts,
  type ProcedureDeadlineInput,
} from './procedure-deadline.workflow';
import { recordHistoryIfAsked } from './test/history-recorder';
import { SimulatedClock, timeSkippingSuite } from '@banjie/testing';
import { recordingActivities } from './test/recording-activities';

const calendar = buildCalendarSnapshot(createChineseWorkingDayCalendar(), 2023, 2024);
const ladder: DeadlineLadder = {
  reminderWorkingDaysBefore: [3, 0],
  officialAfterWorkingDays: 5,
  fireAt: '09:00',
};
/** 09:00 in Shanghai on a day, to the minute (activities run a few milliseconds after their timer). */
const at9 = (date: string) => new Date(`${date}T09:00:00+08:00`).toISOString().slice(0, 16);

type Handle = Awaited<ReturnType<TestWorkflowEnvironment['client']['workflow']['start']>>;

describe('procedureDeadlineWorkflow (time-skipping)', () => {
  const suite = timeSkippingSuite();

  /** Starts the clock of one application at `startAt` (simulated), lets `drive` act on it, and returns its result and every notice. */
  async function runClock(
    name: string,
    startAt: string,
    facts: ClockFacts,
    drive: (
      handle: Handle,
      clock: SimulatedClock,
      recorded: ReturnType<typeof recordingActivities>,
    ) => Promise<void>,
    snapshot: CalendarSnapshot = calendar,
  ) {
    const clock = await SimulatedClock.startingAt(suite.env(), startAt);
    const recorded = recordingActivities(clock);
    const taskQueue = `deadline-${name}`;
    const worker = await Worker.create({
      connection: suite.env().nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle(),
      activities: recorded.activities,
    });
    const input: ProcedureDeadlineInput = {
      procedureId: 'BJ-2023-0042-EIA',
      projectCode: 'BJ-2023-0042',
      department: 'EEB',
      applicationNumber: 1,
      clock: { sequence: 3, facts },
      ladder,
      calendar: snapshot,
      correlationId: `c-${name}`,
    };
    const result = await worker.runUntil(async () => {
      const handle = await suite.env().client.workflow.start(procedureDeadlineWorkflow, {
        taskQueue,
        workflowId: `procedure-deadline:${name}`,
        args: [input],
      });
      await drive(handle, clock, recorded);
      const outcome = await handle.result();
      await recordHistoryIfAsked(handle, `procedure-deadline.${name}`);
      return outcome;
    });
    const notices = recorded.notices.map((n) => ({
      at: n.at.slice(0, 16),
      rung: n.value.rung,
      audience: n.value.audience,
      remaining: n.value.remainingWorkingDays,
      dueDate: n.value.dueDate,
      provisional: n.value.provisional,
    }));
    return { result, notices };
  }

  it('replans a clock that had only a provisional due date when its year is published, and reminds on the new date', async () => {
    // 2027 not published (calendar version 1): accepted Mon 25 Jan 2027 with 20 working days, the provisional
    // Spring Festival (5–10 Feb) makes it due Fri 26 Feb. The published arrangement rests 5–13 Feb and works
    // Sat 20 Feb: due Mon 1 March, the 3-day reminder moves from Tue 23 to Wed 24 Feb.
    const provisional = buildCalendarSnapshot(
      workingDayCalendarOf({ ...packageDefinition(), version: 1 }),
      2027,
      2029,
    );
    const spring = [
      '2027-01-01',
      ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((day) => `2027-02-${day}`),
    ];
    const published = buildCalendarSnapshot(
      workingDayCalendarOf({
        version: 2,
        years: [
          ...packageYears(),
          {
            year: 2027,
            source: 'PUBLISHED',
            reference: '国办发明电〔2026〕9号',
            holidays: spring.map((date) => ({ date: date as never, name: '春节' })),
            workingDays: ['2027-02-20' as never],
          },
        ],
        overrides: [],
      }),
      2027,
      2029,
    );
    const { result, notices } = await runClock(
      'calendar-published',
      '2027-01-25T10:00:00+08:00',
      accepted('2027-01-25', 20),
      async (handle, clock) => {
        await clock.sleepUntil('2027-02-01T10:00:00+08:00');
        await expect(handle.query(procedureDeadlineQuery, '2027-02-01')).resolves.toMatchObject({
          dueDate: '2027-02-26',
          provisional: true,
          calendarVersion: 1,
          nextRung: { rung: 'REMINDER_3WD_BEFORE', date: '2027-02-23' },
        });
        // An older version arriving late changes nothing; the publication replans.
        await handle.signal(calendarChangedSignal, { ...published, calendarVersion: 0 });
        await expect(handle.query(procedureDeadlineQuery, '2027-02-01')).resolves.toMatchObject({
          dueDate: '2027-02-26',
          calendarVersion: 1,
        });
        await handle.signal(calendarChangedSignal, published);
        await expect(handle.query(procedureDeadlineQuery, '2027-02-01')).resolves.toMatchObject({
          dueDate: '2027-03-01',
          provisional: false,
          calendarVersion: 2,
          nextRung: { rung: 'REMINDER_3WD_BEFORE', date: '2027-02-24' },
        });
        await clock.sleepUntil('2027-02-24T12:00:00+08:00');
        await end(handle, 4, 'APPROVED', '2027-02-24');
      },
      provisional,
    );
    expect(notices).toEqual([
      {
        at: at9('2027-02-24'),
        rung: 'REMINDER_3WD_BEFORE',
        audience: 'DEPARTMENT_AND_HELPERS',
        remaining: 3,
        dueDate: '2027-03-01',
        provisional: false,
      },
    ]);
    expect(result).toMatchObject({ dueDate: '2027-03-01', endedInTime: true });
  });

  const accepted = (acceptedOn: string, committedWorkingDays: number): ClockFacts => ({
    acceptedOn,
    committedWorkingDays,
    extensionWorkingDays: 0,
    pauses: [],
  });
  const end = (
    handle: Handle,
    sequence: number,
    outcome: 'APPROVED' | 'REFUSED' | 'WITHDRAWN' | 'NOT_APPLICABLE',
    on: string,
  ) => handle.signal(procedureEndedSignal, { sequence, outcome, on });

  it('climbs every rung at 09:00 Shanghai on its working day: 3 days before, due day, supervisors, leading official', async () => {
    // Accepted Wed 1 March 2023, 10 working days: due Wed 15 March.
    const { result, notices } = await runClock(
      'every-rung',
      '2023-03-01T10:00:00+08:00',
      accepted('2023-03-01', 10),
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-10T10:00:00+08:00');
        await expect(handle.query(procedureDeadlineQuery, '2023-03-10')).resolves.toMatchObject({
          status: 'DUE_SOON',
          dueDate: '2023-03-15',
          remainingWorkingDays: 3,
          rungsSent: ['REMINDER_3WD_BEFORE'],
          nextRung: { rung: 'REMINDER_DUE_DAY', date: '2023-03-15', at: '2023-03-15T01:00:00.000Z' },
        });
        await clock.sleepUntil('2023-03-24T12:00:00+08:00');
        await expect(handle.query(procedureDeadlineQuery, '2023-03-24')).resolves.toMatchObject({
          status: 'OVERDUE',
          remainingWorkingDays: -7,
          nextRung: null,
        });
        await end(handle, 9, 'APPROVED', '2023-03-24');
      },
    );
    expect(notices).toEqual([
      {
        at: at9('2023-03-10'),
        rung: 'REMINDER_3WD_BEFORE',
        audience: 'DEPARTMENT_AND_HELPERS',
        remaining: 3,
        dueDate: '2023-03-15',
        provisional: false,
      },
      {
        at: at9('2023-03-15'),
        rung: 'REMINDER_DUE_DAY',
        audience: 'DEPARTMENT_AND_HELPERS',
        remaining: 0,
        dueDate: '2023-03-15',
        provisional: false,
      },
      {
        at: at9('2023-03-16'),
        rung: 'OVERDUE_SUPERVISOR',
        audience: 'SUPERVISORS',
        remaining: -1,
        dueDate: '2023-03-15',
        provisional: false,
      },
      // Five working days after the supervisors' day (Thu 16 → Thu 23 March).
      {
        at: at9('2023-03-23'),
        rung: 'OVERDUE_LEADING_OFFICIAL',
        audience: 'LEADING_OFFICIAL',
        remaining: -6,
        dueDate: '2023-03-15',
        provisional: false,
      },
    ]);
    expect(result).toEqual({
      outcome: 'APPROVED',
      endedOn: '2023-03-24',
      dueDate: '2023-03-15',
      endedInTime: false,
      rungsSent: [
        'REMINDER_3WD_BEFORE',
        'REMINDER_DUE_DAY',
        'OVERDUE_SUPERVISOR',
        'OVERDUE_LEADING_OFFICIAL',
      ],
    });
  });

  it('stops the clock during a supplement request and resumes it the day after the resubmission', async () => {
    // 1 March + 10 working days; asked on Mon 6 March (3 days used: 2, 3, 6 March), answered Mon 13 March:
    // 7 days remain from 14 March → due Wed 22 March.
    const { result, notices } = await runClock(
      'pause-resume',
      '2023-03-01T10:00:00+08:00',
      accepted('2023-03-01', 10),
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-06T15:00:00+08:00');
        await handle.signal(clockPausedSignal, {
          sequence: 4,
          facts: { ...accepted('2023-03-01', 10), pauses: [{ from: '2023-03-06', to: null }] },
        });
        await clock.sleepUntil('2023-03-10T12:00:00+08:00');
        await expect(handle.query(procedureDeadlineQuery, '2023-03-10')).resolves.toMatchObject({
          status: 'PAUSED',
          dueDate: null,
          remainingWorkingDays: 7,
          nextRung: null,
        });
        await clock.sleepUntil('2023-03-13T11:00:00+08:00');
        // An older snapshot redelivered after the pause changes nothing.
        await handle.signal(clockResumedSignal, { sequence: 2, facts: accepted('2023-03-01', 10) });
        await expect(handle.query(procedureDeadlineQuery, '2023-03-13')).resolves.toMatchObject({
          status: 'PAUSED',
          sequence: 4,
        });
        await handle.signal(clockResumedSignal, {
          sequence: 5,
          facts: { ...accepted('2023-03-01', 10), pauses: [{ from: '2023-03-06', to: '2023-03-13' }] },
        });
        await expect(handle.query(procedureDeadlineQuery, '2023-03-13')).resolves.toMatchObject({
          status: 'IN_TIME',
          dueDate: '2023-03-22',
          remainingWorkingDays: 7,
        });
        await clock.sleepUntil('2023-03-22T16:00:00+08:00');
        await end(handle, 6, 'APPROVED', '2023-03-22');
      },
    );
    expect(notices.map((n) => [n.at, n.rung, n.remaining])).toEqual([
      [at9('2023-03-17'), 'REMINDER_3WD_BEFORE', 3],
      [at9('2023-03-22'), 'REMINDER_DUE_DAY', 0],
    ]);
    expect(result).toMatchObject({ outcome: 'APPROVED', dueDate: '2023-03-22', endedInTime: true });
  });

  it('counts the 2023 Spring Festival right: nothing on the holiday, the due day on the adjusted Sunday 29 January', async () => {
    // Accepted Mon 16 Jan, 6 working days: 17, 18, 19, 20 Jan, then (21–27 holiday) Sat 28 and Sun 29 Jan (adjusted working days).
    const { result, notices } = await runClock(
      'spring-festival',
      '2023-01-16T10:00:00+08:00',
      accepted('2023-01-16', 6),
      async (handle, clock) => {
        await clock.sleepUntil('2023-02-01T10:00:00+08:00');
        await end(handle, 8, 'APPROVED', '2023-02-01');
      },
    );
    expect(notices.map((n) => [n.at, n.rung])).toEqual([
      [at9('2023-01-19'), 'REMINDER_3WD_BEFORE'], // 20 Jan, 28 Jan, 29 Jan left
      [at9('2023-01-29'), 'REMINDER_DUE_DAY'],
      [at9('2023-01-30'), 'OVERDUE_SUPERVISOR'],
    ]);
    expect(result).toMatchObject({ dueDate: '2023-01-29', endedInTime: false });
  });

  it('moves the remaining rungs on an extension; a rung already reached is not repeated', async () => {
    const { result, notices } = await runClock(
      'extension',
      '2023-03-01T10:00:00+08:00',
      accepted('2023-03-01', 10),
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-13T10:00:00+08:00');
        await handle.signal(limitExtendedSignal, {
          sequence: 4,
          facts: { ...accepted('2023-03-01', 10), extensionWorkingDays: 5 },
        });
        await expect(handle.query(procedureDeadlineQuery, '2023-03-13')).resolves.toMatchObject({
          dueDate: '2023-03-22',
          remainingWorkingDays: 7,
          nextRung: { rung: 'REMINDER_DUE_DAY', date: '2023-03-22' },
        });
        await clock.sleepUntil('2023-03-23T10:00:00+08:00');
        await end(handle, 5, 'APPROVED', '2023-03-23');
      },
    );
    expect(notices.map((n) => [n.at, n.rung, n.dueDate])).toEqual([
      [at9('2023-03-10'), 'REMINDER_3WD_BEFORE', '2023-03-15'],
      [at9('2023-03-22'), 'REMINDER_DUE_DAY', '2023-03-22'],
      [at9('2023-03-23'), 'OVERDUE_SUPERVISOR', '2023-03-22'],
    ]);
    expect(result).toMatchObject({ dueDate: '2023-03-22', endedInTime: false });
  });

  it('escalates again on the moved due date when a back-dated extension moved it past an escalation already sent', async () => {
    const { result, notices } = await runClock(
      'extension-after-escalation',
      '2023-03-01T10:00:00+08:00',
      accepted('2023-03-01', 10),
      async (handle, clock, recorded) => {
        await clock.sleepUntil('2023-03-16T10:00:00+08:00');
        // Recorded today, dated within the grace: the due date moves from 15 to 22 March, past the
        // supervisors' rung, so the service withdraws that escalation.
        await handle.signal(limitExtendedSignal, {
          sequence: 4,
          facts: { ...accepted('2023-03-01', 10), extensionWorkingDays: 5 },
        });
        recorded.withdraw('OVERDUE_SUPERVISOR');
        await clock.sleepUntil('2023-03-16T11:00:00+08:00');
        await expect(handle.query(procedureDeadlineQuery, '2023-03-16')).resolves.toMatchObject({
          dueDate: '2023-03-22',
          nextRung: { rung: 'OVERDUE_SUPERVISOR', date: '2023-03-23' },
        });
        await clock.sleepUntil('2023-03-24T10:00:00+08:00');
        await end(handle, 5, 'APPROVED', '2023-03-24');
      },
    );
    expect(notices.map((n) => [n.at, n.rung, n.dueDate])).toEqual([
      [at9('2023-03-10'), 'REMINDER_3WD_BEFORE', '2023-03-15'],
      [at9('2023-03-15'), 'REMINDER_DUE_DAY', '2023-03-15'],
      [at9('2023-03-16'), 'OVERDUE_SUPERVISOR', '2023-03-15'],
      [at9('2023-03-23'), 'OVERDUE_SUPERVISOR', '2023-03-22'],
    ]);
    expect(result).toMatchObject({ dueDate: '2023-03-22', endedInTime: false });
  });

  it('ends quietly when approved before any rung', async () => {
    const { result, notices } = await runClock(
      'approved-early',
      '2023-03-01T10:00:00+08:00',
      accepted('2023-03-01', 10),
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-08T11:00:00+08:00');
        await end(handle, 4, 'APPROVED', '2023-03-08');
      },
    );
    expect(notices).toEqual([]);
    expect(result).toEqual({
      outcome: 'APPROVED',
      endedOn: '2023-03-08',
      dueDate: '2023-03-15',
      endedInTime: true,
      rungsSent: [],
    });
  });

  it('stops climbing when the application ends after the deadline (refused after the supervisors were alerted)', async () => {
    const { result, notices } = await runClock(
      'refused-late',
      '2023-03-01T10:00:00+08:00',
      accepted('2023-03-01', 10),
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-17T10:00:00+08:00');
        await end(handle, 4, 'REFUSED', '2023-03-17');
        await clock.sleepUntil('2023-03-31T10:00:00+08:00');
      },
    );
    expect(notices.map((n) => n.rung)).toEqual([
      'REMINDER_3WD_BEFORE',
      'REMINDER_DUE_DAY',
      'OVERDUE_SUPERVISOR',
    ]);
    expect(result).toMatchObject({ outcome: 'REFUSED', endedInTime: false });
  });

  it('started late (the reconciler healing a lost workflow), escalates what is due and skips stale reminders', async () => {
    const { result, notices } = await runClock(
      'catch-up',
      '2023-03-17T10:00:00+08:00',
      accepted('2023-03-01', 10),
      async (handle) => {
        // Let the first workflow task run (a second of skipped time) before asking.
        await suite.env().sleep(1_000);
        await expect(handle.query(procedureDeadlineQuery, '2023-03-17')).resolves.toMatchObject({
          status: 'OVERDUE',
          remainingWorkingDays: -2,
          rungsSent: ['OVERDUE_SUPERVISOR'],
          rungsSkipped: ['REMINDER_3WD_BEFORE', 'REMINDER_DUE_DAY'],
        });
        await end(handle, 4, 'WITHDRAWN', '2023-03-17');
      },
    );
    expect(notices.map((n) => [n.at, n.rung])).toEqual([['2023-03-17T02:00', 'OVERDUE_SUPERVISOR']]);
    expect(result).toMatchObject({ outcome: 'WITHDRAWN', rungsSent: ['OVERDUE_SUPERVISOR'] });
  });
});
