import type { PublicProcedureFields } from '@banjie/contracts';
import {
  CalendarNotCoveredError,
  COMPLETED_STATUSES,
  dueDateReading,
  hasClock,
  parseLocalDate,
  procedureClock,
  type DeadlineStatus,
  type ProcedureClock,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { ProcedureRecord } from './procedure.record';

export type DueDateUnavailable = NonNullable<PublicProcedureFields['dueDateUnavailable']>;

/** The working-day clock of the current application, while the department's clock runs (or is paused). */
export function clockOf(record: ProcedureRecord): ProcedureClock | null {
  if (!hasClock(record.status) || record.acceptedOn === null || record.committedWorkingDays === null)
    return null;
  return procedureClock({
    acceptedOn: parseLocalDate(record.acceptedOn),
    committedWorkingDays: record.committedWorkingDays,
    extensionWorkingDays: record.extensionWorkingDays,
    pauses: record.pauses.map((pause) => ({
      from: parseLocalDate(pause.from),
      to: pause.to === null ? null : parseLocalDate(pause.to),
    })),
  });
}

/** Runs a calendar computation; a year the calendar does not cover is said so, never guessed. */
export function withCalendar<T>(
  compute: () => T,
): { value: T; unavailable: null } | { value: null; unavailable: DueDateUnavailable } {
  try {
    return { value: compute(), unavailable: null };
  } catch (error) {
    if (error instanceof CalendarNotCoveredError)
      return { value: null, unavailable: { code: 'CALENDAR_NOT_COVERED', message: error.message } };
    throw error;
  }
}

/**
 * The last day of the limit (null when no clock runs, or while an open supplement request makes
 * it depend on the resubmission), or why it cannot be computed; whether it is provisional
 * (counted across a year nobody has published yet) and the calendar version it comes from.
 */
export function dueDateOf(
  record: ProcedureRecord,
  calendar: WorkingDayCalendar,
): {
  dueDate: string | null;
  dueDateUnavailable: DueDateUnavailable | null;
  dueDateProvisional: boolean;
  calendarVersion: number;
} {
  const clock = clockOf(record);
  const result =
    clock === null ? { value: null, unavailable: null } : withCalendar(() => dueDateReading(clock, calendar));
  return {
    dueDate: result.value?.dueDate ?? null,
    dueDateUnavailable: result.unavailable,
    dueDateProvisional: result.value?.provisional ?? false,
    calendarVersion: calendar.version,
  };
}

/** How the clock stands on a day: CLOSED when the procedure is done, NOT_STARTED while no department clock runs. */
export type ProcedureDeadlineStatus = DeadlineStatus | 'CLOSED' | 'UNKNOWN';

export interface ClockReading {
  deadlineStatus: ProcedureDeadlineStatus;
  remainingWorkingDays: number | null;
}

/** Remaining working days and deadline status as of `asOf`, derived from the facts and the calendar. */
export function readClock(
  record: ProcedureRecord,
  asOf: string,
  dueSoonWorkingDays: number,
  calendar: WorkingDayCalendar,
): ClockReading {
  if (COMPLETED_STATUSES.includes(record.status))
    return { deadlineStatus: 'CLOSED', remainingWorkingDays: null };
  const clock = clockOf(record);
  if (clock === null) return { deadlineStatus: 'NOT_STARTED', remainingWorkingDays: null };
  const day = parseLocalDate(asOf);
  const result = withCalendar(() => {
    // Nothing says IN_TIME without a due date: a due date the calendar cannot count makes the reading UNKNOWN.
    clock.dueDate(calendar);
    return {
      deadlineStatus: clock.deadlineStatus(day, dueSoonWorkingDays, calendar),
      remainingWorkingDays: clock.remainingWorkingDays(day, calendar),
    };
  });
  return result.value ?? { deadlineStatus: 'UNKNOWN', remainingWorkingDays: null };
}
