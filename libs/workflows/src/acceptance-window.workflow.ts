import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  AcceptanceWindow,
  calendarFromSnapshot,
  shanghaiLocalDate,
  type AcceptanceWindowStatus,
  type CalendarSnapshot,
  type LocalDate,
} from '@banjie/domain/workflow-safe';
import type { DeadlineActivities } from './activities';
import { rungsDue, workingDaysBefore, type PlannedRung } from './deadline-ladder';
import { calendarChangedSignal } from './procedure-deadline.workflow';
import { shanghaiInstant } from './shanghai-time';

/** Where one application's acceptance window stands, as the approval service's latest snapshot has it. */
export interface AcceptanceWindowFacts {
  /** The procedure's sequence: older news is ignored. */
  sequence: number;
  /** The day the complete materials were received; null while a supplement asked for before acceptance is owed (the window stands still). */
  receivedOn: string | null;
  windowWorkingDays: number;
  /** The instant the submission (or the delivery of the supplement) was recorded: the lapse waits the recording grace after it. */
  recordedAt: string;
}

/** The reminders before the window closes. */
export interface AcceptanceReminders {
  /** Working days before the window's last day (0 = on it), e.g. [1]. */
  workingDaysBefore: number[];
  /** The wall time in Asia/Shanghai at which a reminder goes out on its day, 'HH:MM'. */
  fireAt: string;
}

/** How the window ended: a decision heard of (SUPERSEDED: a newer application replaced it before its own ending was heard). */
export type AcceptanceOutcome =
  'ACCEPTED' | 'DEEMED_ACCEPTED' | 'REFUSED' | 'WITHDRAWN' | 'NOT_APPLICABLE' | 'SUPERSEDED';

export interface AcceptanceDecision {
  sequence: number;
  outcome: AcceptanceOutcome;
  /** The civil day (Asia/Shanghai) of the decision. */
  on: string;
}

export interface AcceptanceWindowInput {
  procedureId: string;
  projectCode: string;
  department: string;
  applicationNumber: number;
  window: AcceptanceWindowFacts;
  reminders: AcceptanceReminders;
  /** How long after a submission was recorded its lapse may be reported at the earliest (a history recorded late records its acceptance first). */
  recordingGraceMs: number;
  calendar: CalendarSnapshot;
  correlationId: string;
}

export type AcceptanceWindowState =
  AcceptanceWindowStatus | 'WAITING_FOR_SUPPLEMENT' | 'DECIDED' | 'UNAVAILABLE';

export interface AcceptanceWindowView {
  procedureId: string;
  applicationNumber: number;
  sequence: number;
  status: AcceptanceWindowState;
  asOf: string | null;
  receivedOn: string | null;
  /** The window's last day (null while the supplement is owed). */
  closesOn: string | null;
  /** Working days left as of `asOf`: 0 on the last day, negative once lapsed. */
  remainingWorkingDays: number | null;
  /** `closesOn` is counted across a year nobody has published yet (暂定). */
  provisional: boolean;
  calendarVersion: number;
  /** When the lapse is (or was) reported: 00:00 of the working day after `closesOn`, never sooner than the recording grace. */
  lapsesAt: string | null;
  /** How often the lapse has been reported (again each day while no decision is heard). */
  lapseReports: number;
  remindersSent: string[];
  decision: AcceptanceDecision | null;
  unavailableReason: string | null;
}

export interface AcceptanceWindowResult {
  outcome: AcceptanceOutcome;
  decidedOn: string;
  receivedOn: string | null;
  closesOn: string | null;
  lapseReports: number;
  remindersSent: string[];
}

/** Newer facts of the window: a supplement asked for before acceptance (receivedOn null), its delivery (a new receivedOn), a replan. */
export const acceptanceWindowChangedSignal = defineSignal<[AcceptanceWindowFacts]>('acceptanceWindowChanged');
/** The department (or the system, art. 32) decided, or the application ended: the window closes for good. */
export const acceptanceDecidedSignal = defineSignal<[AcceptanceDecision]>('acceptanceDecided');
/** The window as of `asOf` (default: the day the workflow last looked at the time). */
export const acceptanceWindowQuery = defineQuery<AcceptanceWindowView, [asOf?: string]>('acceptanceWindow');

/** While no decision is heard after a lapse, it is reported again this often. */
const REPORT_AGAIN_AFTER_MS = 24 * 3600_000;

const activities = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

type Plan =
  | { state: 'OPEN'; window: AcceptanceWindow; lapse: PlannedRung; rungs: PlannedRung[] }
  | { state: 'WAITING_FOR_SUPPLEMENT' }
  | { state: 'UNAVAILABLE'; reason: string };

/**
 * Keeps one application's acceptance clock (受理时限, art. 32): reminds the department and the
 * project's helpers before the window closes, and once it has lapsed with no decision reports it
 * (the approval service then deems the application accepted as of the day of receipt), again each
 * day until a decision is heard. A supplement asked for before acceptance stops the window; its
 * delivery starts a full new one.
 */
export async function acceptanceWindowWorkflow(
  input: AcceptanceWindowInput,
): Promise<AcceptanceWindowResult> {
  let calendar = calendarFromSnapshot(input.calendar);
  let calendarRevision = 0;
  let facts = input.window;
  let decision: AcceptanceDecision | null = null;
  let lastNow: string | null = null;
  let lastReportAt: string | null = null;
  let lapseReports = 0;
  const remindersSent: string[] = [];
  const handled = new Set<string>();
  const closingSoon = Math.max(0, ...input.reminders.workingDaysBefore);

  const plan = (): Plan => {
    if (facts.receivedOn === null) return { state: 'WAITING_FOR_SUPPLEMENT' };
    const receivedOn = facts.receivedOn as LocalDate;
    try {
      const window = new AcceptanceWindow(receivedOn, facts.windowWorkingDays, calendar);
      const lapseDay = calendar.addWorkingDays(window.closesOn, 1);
      const earliest = Date.parse(facts.recordedAt) + input.recordingGraceMs;
      // Modelled as a rung that is never skipped (an escalation to the ladder): reminders it overtakes are.
      const lapse: PlannedRung = {
        rung: `lapse:${receivedOn}`,
        kind: 'ESCALATION',
        audience: 'SUPERVISORS',
        date: lapseDay,
        at: new Date(Math.max(Date.parse(shanghaiInstant(lapseDay, '00:00')), earliest)).toISOString(),
      };
      const reminders = [...new Set(input.reminders.workingDaysBefore)]
        .sort((a, b) => b - a)
        .map((k): PlannedRung => {
          const date = workingDaysBefore(window.closesOn, k, calendar);
          return {
            rung: `acceptance-reminder-${k}d:${receivedOn}`,
            kind: 'REMINDER',
            audience: 'DEPARTMENT_AND_HELPERS',
            date,
            at: shanghaiInstant(date, input.reminders.fireAt),
          };
        })
        // A reminder further ahead than the window is long would fall on or before the day of receipt.
        .filter((rung) => rung.date > receivedOn);
      return { state: 'OPEN', window, lapse, rungs: [...reminders, lapse] };
    } catch (error) {
      // A year the calendar snapshot does not cover, or a window length refused: wait for better news.
      return { state: 'UNAVAILABLE', reason: (error as Error).message };
    }
  };

  setHandler(acceptanceWindowChangedSignal, (update) => {
    if (decision !== null || update.sequence <= facts.sequence) return;
    // The same materials keep the instant they were first recorded at: a later replan does not delay the lapse.
    const sameReceipt = update.receivedOn !== null && update.receivedOn === facts.receivedOn;
    facts =
      sameReceipt && Date.parse(facts.recordedAt) < Date.parse(update.recordedAt)
        ? { ...update, recordedAt: facts.recordedAt }
        : update;
  });
  setHandler(acceptanceDecidedSignal, (heard) => {
    if (decision === null && heard.sequence > facts.sequence) decision = heard;
  });
  setHandler(calendarChangedSignal, (snapshot) => {
    const version = snapshot.calendarVersion ?? 0;
    const wider = version === calendar.version && snapshot.lastYear > calendar.coverage.lastYear;
    if (decision !== null || (version <= calendar.version && !wider)) return;
    calendar = calendarFromSnapshot(snapshot);
    calendarRevision += 1;
  });
  setHandler(acceptanceWindowQuery, (asOf) =>
    view(asOf ?? (lastNow === null ? null : shanghaiLocalDate(new Date(lastNow)))),
  );

  const isProvisional = (window: AcceptanceWindow): boolean =>
    calendar.provisionalBetween(window.receivedOn, window.closesOn);

  const view = (asOf: string | null): AcceptanceWindowView => {
    const current = plan();
    const base = {
      procedureId: input.procedureId,
      applicationNumber: input.applicationNumber,
      sequence: facts.sequence,
      asOf,
      receivedOn: facts.receivedOn,
      calendarVersion: calendar.version,
      lapseReports,
      remindersSent: [...remindersSent],
      decision,
    };
    if (current.state !== 'OPEN') {
      return {
        ...base,
        status: decision !== null ? 'DECIDED' : current.state,
        closesOn: null,
        remainingWorkingDays: null,
        provisional: false,
        lapsesAt: null,
        unavailableReason: current.state === 'UNAVAILABLE' ? current.reason : null,
      };
    }
    const { window } = current;
    let remaining: number | null = null;
    let status: AcceptanceWindowState = 'OPEN';
    try {
      if (asOf !== null) {
        remaining = window.remainingWorkingDays(asOf as LocalDate, calendar);
        status = window.status(asOf as LocalDate, closingSoon, calendar);
      }
    } catch {
      remaining = null;
    }
    return {
      ...base,
      status: decision !== null ? 'DECIDED' : status,
      closesOn: window.closesOn,
      remainingWorkingDays: remaining,
      provisional: isProvisional(window),
      lapsesAt: current.lapse.at,
      unavailableReason: null,
    };
  };

  const report = async (window: AcceptanceWindow, lapse: PlannedRung, now: string): Promise<void> => {
    await activities.reportAcceptanceLapsed({
      procedureId: input.procedureId,
      projectCode: input.projectCode,
      applicationNumber: input.applicationNumber,
      receivedOn: window.receivedOn,
      acceptanceDueDate: window.closesOn,
      lapsedAt: shanghaiInstant(lapse.date, '00:00'),
      report: lapseReports + 1,
      correlationId: input.correlationId,
    });
    lapseReports += 1;
    lastReportAt = now;
  };

  while (decision === null) {
    const now = await activities.currentInstant();
    lastNow = now;
    const sequence = facts.sequence;
    const revision = calendarRevision;
    const changed = () => decision !== null || facts.sequence !== sequence || calendarRevision !== revision;
    const current = plan();
    if (current.state !== 'OPEN') {
      await condition(changed);
      continue;
    }
    // A reminder whose day is over means nothing any more (a window recorded late, a workflow started late).
    const today = shanghaiLocalDate(new Date(now));
    for (const rung of current.rungs)
      if (rung.kind === 'REMINDER' && rung.date < today && !handled.has(rung.rung)) handled.add(rung.rung);
    const { send, skip, next } = rungsDue(current.rungs, handled, Date.parse(now));
    for (const rung of skip) handled.add(rung.rung);
    for (const rung of send) {
      if (changed()) break;
      if (rung === current.lapse) await report(current.window, rung, now);
      else {
        await activities.sendRungNotice({
          subject: acceptanceSubject(input.procedureId, input.applicationNumber),
          rung: rung.rung,
          kind: 'REMINDER',
          audience: 'DEPARTMENT_AND_HELPERS',
          projectCode: input.projectCode,
          procedureId: input.procedureId,
          applicationNumber: input.applicationNumber,
          department: input.department,
          dueDate: current.window.closesOn,
          remainingWorkingDays: current.window.remainingWorkingDays(rung.date, calendar),
          provisional: isProvisional(current.window),
          calendarVersion: calendar.version,
          acceptance: {
            receivedOn: current.window.receivedOn,
            windowWorkingDays: current.window.windowWorkingDays,
          },
          correlationId: input.correlationId,
        });
        remindersSent.push(rung.rung);
      }
      handled.add(rung.rung);
    }
    if (changed()) continue;
    if (next !== null) {
      await condition(changed, Math.max(1, Date.parse(next.at) - Date.parse(now)));
      continue;
    }
    // Lapsed and reported: a day without a decision, and it is reported again.
    const again = Date.parse(lastReportAt ?? now) + REPORT_AGAIN_AFTER_MS - Date.parse(now);
    if (again > 0) await condition(changed, again);
    else await report(current.window, current.lapse, now);
  }

  const ended: AcceptanceDecision = decision;
  const final = plan();
  return {
    outcome: ended.outcome,
    decidedOn: ended.on,
    receivedOn: facts.receivedOn,
    closesOn: final.state === 'OPEN' ? final.window.closesOn : null,
    lapseReports,
    remindersSent,
  };
}

/** The ledger subject of one application's acceptance window (its reminders and the deemed-acceptance notice). */
export const acceptanceSubject = (procedureId: string, applicationNumber: number): string =>
  `acceptance:${procedureId}:${applicationNumber}`;
