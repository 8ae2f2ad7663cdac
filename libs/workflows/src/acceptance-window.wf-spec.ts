import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  buildCalendarSnapshot,
  createChineseWorkingDayCalendar,
  type CalendarSnapshot,
} from '@banjie/domain';
import { SimulatedClock, timeSkippingSuite } from '@banjie/testing';
import {
  acceptanceDecidedSignal,
  acceptanceWindowChangedSignal,
  acceptanceWindowQuery,
  acceptanceWindowWorkflow,
  type AcceptanceOutcome,
  type AcceptanceWindowInput,
} from './acceptance-window.workflow';
import { recordHistoryIfAsked } from './test/history-recorder';
import { recordingActivities } from './test/recording-activities';

const chinese = createChineseWorkingDayCalendar();
const calendar2023 = buildCalendarSnapshot(chinese, 2023, 2024);
/** Shanghai wall time to the minute, as the recorded instants are compared. */
const shanghai = (local: string) => new Date(`${local}+08:00`).toISOString().slice(0, 16);
const HOUR = 3600_000;

type Handle = Awaited<ReturnType<TestWorkflowEnvironment['client']['workflow']['start']>>;

describe('acceptanceWindowWorkflow (time-skipping)', () => {
  const suite = timeSkippingSuite();

  /** Opens the window of application 1 received on `receivedOn`, recorded at `startAt` (Shanghai wall time, simulated), and lets `drive` act on it. */
  async function runWindow(
    name: string,
    startAt: string,
    receivedOn: string,
    drive: (handle: Handle, clock: SimulatedClock) => Promise<void>,
    calendar: CalendarSnapshot = calendar2023,
  ) {
    const recordedAt = new Date(`${startAt}+08:00`).toISOString();
    const clock = await SimulatedClock.startingAt(suite.env(), recordedAt);
    const recorded = recordingActivities(clock);
    const taskQueue = `acceptance-${name}`;
    const worker = await Worker.create({
      connection: suite.env().nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle(),
      activities: recorded.activities,
    });
    const input: AcceptanceWindowInput = {
      procedureId: 'BJ-2023-0042-EIA',
      projectCode: 'BJ-2023-0042',
      department: 'EEB',
      applicationNumber: 1,
      window: { sequence: 2, receivedOn, windowWorkingDays: 5, recordedAt },
      reminders: { workingDaysBefore: [1], fireAt: '09:00' },
      recordingGraceMs: HOUR,
      calendar,
      correlationId: `c-${name}`,
    };
    const result = await worker.runUntil(async () => {
      const handle = await suite.env().client.workflow.start(acceptanceWindowWorkflow, {
        taskQueue,
        workflowId: `acceptance-window:${name}`,
        args: [input],
      });
      await drive(handle, clock);
      const outcome = await handle.result();
      await recordHistoryIfAsked(handle, `acceptance-window.${name}`);
      return outcome;
    });
    const notices = recorded.notices.map((n) => ({
      at: n.at.slice(0, 16),
      subject: n.value.subject,
      rung: n.value.rung,
      kind: n.value.kind,
      audience: n.value.audience,
      dueDate: n.value.dueDate,
      remaining: n.value.remainingWorkingDays,
      provisional: n.value.provisional,
    }));
    const lapses = recorded.lapses.map((l) => ({ at: l.at.slice(0, 16), ...l.value }));
    return { result, notices, lapses };
  }

  const decide = (handle: Handle, sequence: number, outcome: AcceptanceOutcome, on: string) =>
    handle.signal(acceptanceDecidedSignal, { sequence, outcome, on });

  it('lapses at 00:00 of the first working day after the 2027 Spring Festival, reminds once before, and reports again each day without a decision', async () => {
    // Received Thu 28 Jan 2027, 5 working days: 29 Jan, 1–4 Feb → closes Thu 4 Feb; 5–10 Feb rest (provisional), so the
    // window lapses at 00:00 on Thu 11 Feb. The one reminder goes out on Wed 3 Feb, one working day before.
    const { result, notices, lapses } = await runWindow(
      'spring-festival',
      '2027-01-28T10:00:00',
      '2027-01-28',
      async (handle, clock) => {
        await clock.sleepUntil('2027-02-08T12:00:00+08:00');
        await expect(handle.query(acceptanceWindowQuery, '2027-02-08')).resolves.toMatchObject({
          status: 'LAPSED',
          closesOn: '2027-02-04',
          remainingWorkingDays: 0,
          provisional: true,
          lapsesAt: '2027-02-10T16:00:00.000Z',
          lapseReports: 0,
          remindersSent: ['acceptance-reminder-1d:2027-01-28'],
        });
        await clock.sleepUntil('2027-02-12T08:00:00+08:00');
        await expect(handle.query(acceptanceWindowQuery)).resolves.toMatchObject({
          asOf: '2027-02-12',
          status: 'LAPSED',
          remainingWorkingDays: -2,
          lapseReports: 2,
        });
        await decide(handle, 3, 'DEEMED_ACCEPTED', '2027-02-12');
      },
      buildCalendarSnapshot(chinese, 2027, 2028),
    );
    expect(notices).toEqual([
      {
        at: shanghai('2027-02-03T09:00'),
        subject: 'acceptance:BJ-2023-0042-EIA:1',
        rung: 'acceptance-reminder-1d:2027-01-28',
        kind: 'REMINDER',
        audience: 'DEPARTMENT_AND_HELPERS',
        dueDate: '2027-02-04',
        remaining: 1,
        provisional: true,
      },
    ]);
    const lapse = {
      procedureId: 'BJ-2023-0042-EIA',
      projectCode: 'BJ-2023-0042',
      applicationNumber: 1,
      receivedOn: '2027-01-28',
      acceptanceDueDate: '2027-02-04',
      lapsedAt: '2027-02-10T16:00:00.000Z',
      correlationId: 'c-spring-festival',
    };
    expect(lapses).toEqual([
      { at: shanghai('2027-02-11T00:00'), ...lapse, report: 1 },
      { at: shanghai('2027-02-12T00:00'), ...lapse, report: 2 },
    ]);
    expect(result).toEqual({
      outcome: 'DEEMED_ACCEPTED',
      decidedOn: '2027-02-12',
      receivedOn: '2027-01-28',
      closesOn: '2027-02-04',
      lapseReports: 2,
      remindersSent: ['acceptance-reminder-1d:2027-01-28'],
    });
  });

  it('stands still while the supplement asked for before acceptance is owed; its delivery starts a full new window', async () => {
    // Received Mon 6 March 2023 (closes Mon 13 March); on Wed 8 March one complete list of what is missing goes out.
    // Delivered Mon 20 March: a new window of 5 working days closes Mon 27 March, its reminder on Fri 24 March.
    const { result, notices, lapses } = await runWindow(
      'supplement-restart',
      '2023-03-06T10:00:00',
      '2023-03-06',
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-08T15:00:00+08:00');
        await handle.signal(acceptanceWindowChangedSignal, {
          sequence: 3,
          receivedOn: null,
          windowWorkingDays: 5,
          recordedAt: await clock.nowIso(),
        });
        await clock.sleepUntil('2023-03-20T11:00:00+08:00');
        await expect(handle.query(acceptanceWindowQuery, '2023-03-20')).resolves.toMatchObject({
          status: 'WAITING_FOR_SUPPLEMENT',
          receivedOn: null,
          closesOn: null,
          lapseReports: 0,
        });
        // An older snapshot redelivered changes nothing.
        await handle.signal(acceptanceWindowChangedSignal, {
          sequence: 2,
          receivedOn: '2023-03-06',
          windowWorkingDays: 5,
          recordedAt: await clock.nowIso(),
        });
        await handle.signal(acceptanceWindowChangedSignal, {
          sequence: 4,
          receivedOn: '2023-03-20',
          windowWorkingDays: 5,
          recordedAt: await clock.nowIso(),
        });
        await expect(handle.query(acceptanceWindowQuery, '2023-03-20')).resolves.toMatchObject({
          status: 'OPEN',
          sequence: 4,
          closesOn: '2023-03-27',
          remainingWorkingDays: 5,
          provisional: false,
        });
        await clock.sleepUntil('2023-03-27T10:00:00+08:00');
        await decide(handle, 5, 'ACCEPTED', '2023-03-27');
      },
    );
    expect(notices.map((n) => [n.at, n.rung, n.dueDate, n.remaining])).toEqual([
      [shanghai('2023-03-24T09:00'), 'acceptance-reminder-1d:2023-03-20', '2023-03-27', 1],
    ]);
    expect(lapses).toEqual([]);
    expect(result).toMatchObject({ outcome: 'ACCEPTED', receivedOn: '2023-03-20', lapseReports: 0 });
  });

  it('waits the recording grace before reporting a submission recorded long after its window closed, and skips its stale reminder', async () => {
    const { result, notices, lapses } = await runWindow(
      'recorded-late',
      '2026-11-30T10:00:00',
      '2023-03-01',
      async (handle, clock) => {
        await clock.sleepUntil('2026-11-30T10:30:00+08:00');
        await expect(handle.query(acceptanceWindowQuery)).resolves.toMatchObject({
          status: 'LAPSED',
          closesOn: '2023-03-08',
          lapsesAt: '2026-11-30T03:00:00.000Z',
          lapseReports: 0,
        });
        await clock.sleepUntil('2026-11-30T11:30:00+08:00');
        await decide(handle, 3, 'DEEMED_ACCEPTED', '2026-11-30');
      },
      buildCalendarSnapshot(chinese, 2023, 2028),
    );
    expect(notices).toEqual([]);
    expect(lapses.map((l) => [l.at, l.receivedOn, l.acceptanceDueDate, l.report])).toEqual([
      [shanghai('2026-11-30T11:00'), '2023-03-01', '2023-03-08', 1],
    ]);
    expect(result).toMatchObject({ outcome: 'DEEMED_ACCEPTED', lapseReports: 1 });
  });

  it('reports a lapsed window at most once when the acceptance arrives as the lapse timer fires', async () => {
    // Received Mon 6 March 2023: closes Mon 13 March, lapses at 00:00 on Tue 14 March.
    const { result, lapses } = await runWindow(
      'lapse-race',
      '2023-03-06T10:00:00',
      '2023-03-06',
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-14T00:00:00+08:00');
        await decide(handle, 3, 'ACCEPTED', '2023-03-14');
      },
    );
    expect(lapses.length).toBeLessThanOrEqual(1);
    expect(result).toMatchObject({ outcome: 'ACCEPTED', lapseReports: lapses.length });
  });

  it('reports nothing when the decision comes before the window lapses', async () => {
    const { result, lapses } = await runWindow(
      'decided-early',
      '2023-03-06T10:00:00',
      '2023-03-06',
      async (handle, clock) => {
        await clock.sleepUntil('2023-03-13T23:59:00+08:00');
        await decide(handle, 3, 'REFUSED', '2023-03-13');
      },
    );
    expect(lapses).toEqual([]);
    expect(result).toMatchObject({ outcome: 'REFUSED', lapseReports: 0 });
  });
});
