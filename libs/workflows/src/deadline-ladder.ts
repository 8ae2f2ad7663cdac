import { addDays, type LocalDate, type WorkingDayCalendar } from '@banjie/domain/workflow-safe';
import type { RungAudience, RungKind } from './activities';
import { shanghaiInstant } from './shanghai-time';

/** The configurable reminder and escalation ladder of every procedure clock. */
export interface DeadlineLadder {
  /** Reminders, in working days before the due date (0 = on the due day), e.g. [3, 0]. */
  reminderWorkingDaysBefore: number[];
  /** After the supervisors' escalation (first overdue working day), this many more working days until the leading official's. */
  officialAfterWorkingDays: number;
  /** The wall time in Asia/Shanghai at which every rung fires on its day, 'HH:MM'. */
  fireAt: string;
}

export interface PlannedRung {
  rung: string;
  kind: RungKind;
  audience: RungAudience;
  /** The working day the rung is reached. */
  date: LocalDate;
  /** `fireAt` on that day, Asia/Shanghai (ISO instant). */
  at: string;
}

export const OVERDUE_SUPERVISOR = 'OVERDUE_SUPERVISOR';
export const OVERDUE_LEADING_OFFICIAL = 'OVERDUE_LEADING_OFFICIAL';

export const reminderRung = (workingDaysBefore: number): string =>
  workingDaysBefore === 0 ? 'REMINDER_DUE_DAY' : `REMINDER_${workingDaysBefore}WD_BEFORE`;

export function validateLadder(ladder: DeadlineLadder): void {
  for (const k of ladder.reminderWorkingDaysBefore) {
    if (!Number.isInteger(k) || k < 0)
      throw new RangeError(`reminder offsets must be whole working days ≥ 0, got ${k}`);
  }
  if (!Number.isInteger(ladder.officialAfterWorkingDays) || ladder.officialAfterWorkingDays < 1) {
    throw new RangeError(
      `officialAfterWorkingDays must be a whole number ≥ 1, got ${ladder.officialAfterWorkingDays}`,
    );
  }
  shanghaiInstant('2023-01-01', ladder.fireAt);
}

/** The working day `n` working days before `date` (counted like the clock: `workingDaysBetween(result, date) = n` for a working `date`). */
export function workingDaysBefore(date: LocalDate, n: number, calendar: WorkingDayCalendar): LocalDate {
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/**
 * The ladder of a clock whose limit ends on `due`: the reminders on their working days before the
 * due date, the supervisors on the first working day after it (the clock is OVERDUE from then),
 * the leading official `officialAfterWorkingDays` working days later. Sorted by time.
 */
export function planRungs(
  due: LocalDate,
  calendar: WorkingDayCalendar,
  ladder: DeadlineLadder,
): PlannedRung[] {
  const at = (date: LocalDate) => shanghaiInstant(date, ladder.fireAt);
  const reminders = [...new Set(ladder.reminderWorkingDaysBefore)]
    .sort((a, b) => b - a)
    .map((k): PlannedRung => {
      const date = workingDaysBefore(due, k, calendar);
      return {
        rung: reminderRung(k),
        kind: 'REMINDER',
        audience: 'DEPARTMENT_AND_HELPERS',
        date,
        at: at(date),
      };
    });
  const supervisors = calendar.addWorkingDays(due, 1);
  const official = calendar.addWorkingDays(supervisors, ladder.officialAfterWorkingDays);
  return [
    ...reminders,
    {
      rung: OVERDUE_SUPERVISOR,
      kind: 'ESCALATION',
      audience: 'SUPERVISORS',
      date: supervisors,
      at: at(supervisors),
    },
    {
      rung: OVERDUE_LEADING_OFFICIAL,
      kind: 'ESCALATION',
      audience: 'LEADING_OFFICIAL',
      date: official,
      at: at(official),
    },
  ];
}

export interface RungsDue {
  /** Reached and not yet handled: send them now, in order. */
  send: PlannedRung[];
  /** Reached, but a later rung is reached too: a reminder that no longer means anything (catching up after a restart). */
  skip: PlannedRung[];
  /** The first rung still ahead, if any. */
  next: PlannedRung | null;
}

/** Which rungs of a plan are reached at `nowMs`; escalations are never skipped, stale reminders are. */
export function rungsDue(
  plan: readonly PlannedRung[],
  handled: ReadonlySet<string>,
  nowMs: number,
): RungsDue {
  const open = plan.filter((r) => !handled.has(r.rung));
  const reached = open.filter((r) => Date.parse(r.at) <= nowMs);
  const latest = reached[reached.length - 1];
  return {
    send: reached.filter((r) => r.kind === 'ESCALATION' || r === latest),
    skip: reached.filter((r) => r.kind === 'REMINDER' && r !== latest),
    next: open.find((r) => Date.parse(r.at) > nowMs) ?? null,
  };
}
