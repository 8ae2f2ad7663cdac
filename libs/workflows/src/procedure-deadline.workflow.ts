import {
  condition,
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  calendarFromSnapshot,
  procedureClock,
  shanghaiLocalDate,
  type CalendarSnapshot,
  type DeadlineStatus,
  type LocalDate,
  type ProcedureClock,
} from '@banjie/domain/workflow-safe';
import type { DeadlineActivities } from './activities';
import {
  planRungs,
  rungsDue,
  validateLadder,
  type DeadlineLadder,
  type PlannedRung,
} from './deadline-ladder';

/** The clock facts of one application, as the approval service's latest snapshot has them. */
export interface ClockFacts {
  acceptedOn: string;
  committedWorkingDays: number;
  extensionWorkingDays: number;
  pauses: { from: string; to: string | null }[];
}

/** A newer snapshot of the clock; `sequence` is the procedure's, so older news is ignored. */
export interface ClockUpdate {
  sequence: number;
  facts: ClockFacts;
}

export type ProcedureEndOutcome = 'APPROVED' | 'REFUSED' | 'WITHDRAWN' | 'NOT_APPLICABLE' | 'ALREADY_HELD';

export interface ProcedureEnd {
  sequence: number;
  outcome: ProcedureEndOutcome;
  /** The civil day (Asia/Shanghai) the application ended. */
  on: string;
}

export interface ProcedureDeadlineInput {
  procedureId: string;
  projectCode: string;
  department: string;
  applicationNumber: number;
  clock: ClockUpdate;
  ladder: DeadlineLadder;
  /** The working-day calendar for the years the clock may run in (never loaded inside the workflow). */
  calendar: CalendarSnapshot;
  correlationId: string;
}

export interface ProcedureDeadlineView {
  procedureId: string;
  applicationNumber: number;
  sequence: number;
  /** The deadline status as of `asOf` (`PAUSED` during a supplement request), or ENDED. */
  status: DeadlineStatus | 'ENDED' | 'DUE_DATE_UNAVAILABLE';
  asOf: string | null;
  dueDate: string | null;
  remainingWorkingDays: number | null;
  nextRung: { rung: string; date: string; at: string } | null;
  /** The due date is counted across a year nobody has published yet (暂定); false without a due date. */
  provisional: boolean;
  /** The working-day calendar version the clock counts with (0: the package data it started with before versions existed). */
  calendarVersion: number;
  rungsSent: string[];
  rungsSkipped: string[];
  unavailableReason: string | null;
}

export interface ProcedureDeadlineResult {
  outcome: ProcedureEndOutcome;
  endedOn: string;
  dueDate: string | null;
  /** Ended on or before the due date (null when the due date was unknown). */
  endedInTime: boolean | null;
  rungsSent: string[];
}

export const clockPausedSignal = defineSignal<[ClockUpdate]>('clockPaused');
export const clockResumedSignal = defineSignal<[ClockUpdate]>('clockResumed');
export const limitExtendedSignal = defineSignal<[ClockUpdate]>('limitExtended');
/** Any other correction of the facts (a replan, or the reconciler bringing a workflow up to date). */
export const clockSyncedSignal = defineSignal<[ClockUpdate]>('clockSynced');
export const procedureEndedSignal = defineSignal<[ProcedureEnd]>('procedureEnded');
/**
 * The working-day calendar changed (a year published or corrected, a local override): the clock
 * counts with the new one from now on and replans its ladder. An older version is ignored; the
 * same version covering more years (a clock running into a new year) is taken.
 */
export const calendarChangedSignal = defineSignal<[CalendarSnapshot]>('calendarChanged');
/** Remaining working days as of `asOf` (default: the day the workflow last looked at the time) and the next rung. */
export const procedureDeadlineQuery = defineQuery<ProcedureDeadlineView, [asOf?: string]>('deadline');

const activities = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * An escalation sent for a due date that a later change (a back-dated extension) moved past its
 * rung is withdrawn by the service; the clock sends it again when the moved rung is reached.
 */
export const REARM_MOVED_ESCALATIONS = 'rearm-escalations-of-a-moved-due-date';

type Plan =
  | { state: 'RUNNING'; clock: ProcedureClock; due: LocalDate; rungs: PlannedRung[] }
  | { state: 'PAUSED'; clock: ProcedureClock }
  | { state: 'UNAVAILABLE'; reason: string };

/**
 * Keeps one application's working-day clock (受理 → 办结): reminds the department and the project's
 * helpers before the due date, escalates to the supervisors on the first overdue working day and
 * to the chain's leading official later, each rung once; pauses during a supplement request,
 * moves on an extension, ends on approval, refusal, withdrawal or not-applicable.
 */
export async function procedureDeadlineWorkflow(
  input: ProcedureDeadlineInput,
): Promise<ProcedureDeadlineResult> {
  validateLadder(input.ladder);
  let calendar = calendarFromSnapshot(input.calendar);
  // Bumped by every calendar taken: like a new clock sequence, it makes the loop replan.
  let calendarRevision = 0;
  let clock = input.clock;
  let ended: ProcedureEnd | null = null;
  let lastNow: string | null = null;
  const sent: string[] = [];
  const skipped: string[] = [];
  /** The due date each sent rung was sent for. */
  const sentForDue = new Map<string, LocalDate>();

  const plan = (): Plan => {
    try {
      const facts = clock.facts;
      const c = procedureClock({
        ...facts,
        acceptedOn: facts.acceptedOn as LocalDate,
        pauses: facts.pauses as { from: LocalDate; to: LocalDate | null }[],
      });
      const due = c.dueDate(calendar);
      return due === null
        ? { state: 'PAUSED', clock: c }
        : { state: 'RUNNING', clock: c, due, rungs: planRungs(due, calendar, input.ladder) };
    } catch (error) {
      // A year the calendar snapshot does not cover, or facts the clock refuses: wait for better news.
      return { state: 'UNAVAILABLE', reason: (error as Error).message };
    }
  };

  const isProvisional = (due: LocalDate): boolean =>
    calendar.provisionalBetween(clock.facts.acceptedOn as LocalDate, due);

  const onClockUpdate = (update: ClockUpdate) => {
    if (ended === null && update.sequence > clock.sequence) clock = update;
  };
  for (const signal of [clockPausedSignal, clockResumedSignal, limitExtendedSignal, clockSyncedSignal])
    setHandler(signal, onClockUpdate);
  setHandler(calendarChangedSignal, (snapshot) => {
    const version = snapshot.calendarVersion ?? 0;
    const wider = version === calendar.version && snapshot.lastYear > calendar.coverage.lastYear;
    if (ended !== null || (version <= calendar.version && !wider)) return;
    calendar = calendarFromSnapshot(snapshot);
    calendarRevision += 1;
  });
  setHandler(procedureEndedSignal, (end) => {
    if (ended === null && end.sequence > clock.sequence) ended = end;
  });
  setHandler(procedureDeadlineQuery, (asOf) =>
    view(asOf ?? (lastNow === null ? null : shanghaiLocalDate(new Date(lastNow)))),
  );

  const view = (asOf: string | null): ProcedureDeadlineView => {
    const current = plan();
    const handled = new Set([...sent, ...skipped]);
    const base = {
      procedureId: input.procedureId,
      applicationNumber: input.applicationNumber,
      sequence: clock.sequence,
      asOf,
      rungsSent: [...sent],
      rungsSkipped: [...skipped],
      calendarVersion: calendar.version,
    };
    if (current.state === 'UNAVAILABLE') {
      return {
        ...base,
        status: 'DUE_DATE_UNAVAILABLE',
        dueDate: null,
        provisional: false,
        remainingWorkingDays: null,
        nextRung: null,
        unavailableReason: current.reason,
      };
    }
    const next =
      current.state === 'RUNNING'
        ? (current.rungs.find((r) => !handled.has(r.rung) && (lastNow === null || r.at > lastNow)) ?? null)
        : null;
    let status: ProcedureDeadlineView['status'] = 'ENDED';
    let remaining: number | null = null;
    try {
      remaining = asOf === null ? null : current.clock.remainingWorkingDays(asOf as LocalDate, calendar);
      if (ended === null && asOf !== null)
        status = current.clock.deadlineStatus(asOf as LocalDate, dueSoonThreshold(input.ladder), calendar);
    } catch {
      remaining = null;
    }
    if (ended === null && asOf === null) status = current.state === 'PAUSED' ? 'PAUSED' : 'IN_TIME';
    return {
      ...base,
      status,
      dueDate: current.state === 'RUNNING' ? current.due : null,
      provisional: current.state === 'RUNNING' && isProvisional(current.due),
      remainingWorkingDays: remaining,
      nextRung: next && ended === null ? { rung: next.rung, date: next.date, at: next.at } : null,
      unavailableReason: null,
    };
  };

  while (ended === null) {
    const now = await activities.currentInstant();
    lastNow = now;
    const sequence = clock.sequence;
    const revision = calendarRevision;
    const changed = () => ended !== null || clock.sequence !== sequence || calendarRevision !== revision;
    const current = plan();
    if (current.state !== 'RUNNING') {
      await condition(changed);
      continue;
    }
    const moved = current.rungs.filter(
      (rung) =>
        rung.kind === 'ESCALATION' &&
        sent.includes(rung.rung) &&
        (sentForDue.get(rung.rung) ?? current.due) < current.due &&
        Date.parse(rung.at) > Date.parse(now),
    );
    if (moved.length > 0 && patched(REARM_MOVED_ESCALATIONS))
      for (const rung of moved) sent.splice(sent.indexOf(rung.rung), 1);
    const { send, skip, next } = rungsDue(current.rungs, new Set([...sent, ...skipped]), Date.parse(now));
    skipped.push(...skip.map((r) => r.rung));
    for (const rung of send) {
      if (changed()) break;
      await activities.sendRungNotice({
        subject: deadlineSubject(input.procedureId, input.applicationNumber),
        rung: rung.rung,
        kind: rung.kind,
        audience: rung.audience,
        projectCode: input.projectCode,
        procedureId: input.procedureId,
        applicationNumber: input.applicationNumber,
        department: input.department,
        dueDate: current.due,
        remainingWorkingDays: current.clock.remainingWorkingDays(rung.date, calendar) ?? 0,
        provisional: isProvisional(current.due),
        calendarVersion: calendar.version,
        correlationId: input.correlationId,
      });
      sent.push(rung.rung);
      sentForDue.set(rung.rung, current.due);
    }
    if (changed()) continue;
    if (next === null) await condition(changed);
    else await condition(changed, Math.max(1, Date.parse(next.at) - Date.parse(now)));
  }

  const end: ProcedureEnd = ended;
  const final = plan();
  const dueDate = final.state === 'RUNNING' ? final.due : null;
  return {
    outcome: end.outcome,
    endedOn: end.on,
    dueDate,
    endedInTime: dueDate === null ? null : end.on <= dueDate,
    rungsSent: sent,
  };
}

/** The ledger subject of one application's clock. */
export const deadlineSubject = (procedureId: string, applicationNumber: number): string =>
  `procedure:${procedureId}:${applicationNumber}`;

/** The clock shows DUE_SOON from the first reminder on. */
const dueSoonThreshold = (ladder: DeadlineLadder): number => Math.max(0, ...ladder.reminderWorkingDaysBefore);
