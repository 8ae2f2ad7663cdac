import {
  dueDateReading,
  procedureClock,
  type DueDateReading,
  type LocalDate,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { ProjectedProcedure } from '../procedures/procedure-projection';

export interface DueDateChange {
  procedure: ProjectedProcedure;
  previous: DueDateReading;
  current: DueDateReading;
}

/** A clock's due date under a calendar (null while paused, or when the calendar cannot count it). */
export function dueDateUnder(p: ProjectedProcedure, calendar: WorkingDayCalendar): DueDateReading {
  if (p.acceptedOn === null || p.committedWorkingDays === null) return { dueDate: null, provisional: false };
  try {
    const clock = procedureClock({
      acceptedOn: p.acceptedOn as LocalDate,
      committedWorkingDays: p.committedWorkingDays,
      extensionWorkingDays: p.extensionWorkingDays,
      pauses: p.pauses.map((pause) => ({ from: pause.from as LocalDate, to: pause.to as LocalDate | null })),
    });
    return dueDateReading(clock, calendar);
  } catch {
    return { dueDate: null, provisional: false };
  }
}

/** The open clocks whose due date (or its provisional mark) differs between two calendars. */
export function dueDateChanges(
  openClocks: readonly ProjectedProcedure[],
  previous: WorkingDayCalendar,
  current: WorkingDayCalendar,
): DueDateChange[] {
  return openClocks.flatMap((procedure) => {
    const before = dueDateUnder(procedure, previous);
    const after = dueDateUnder(procedure, current);
    return before.dueDate === after.dueDate && before.provisional === after.provisional
      ? []
      : [{ procedure, previous: before, current: after }];
  });
}

const shown = (reading: DueDateReading): string =>
  reading.dueDate === null
    ? 'no date'
    : `${reading.dueDate}${reading.provisional ? ' (provisional, 暂定)' : ''}`;

/** What the department and the helpers read. */
export function describeDueDateChange(change: DueDateChange, calendarVersion: number): string {
  const p = change.procedure;
  return `${p.procedureId} (application ${p.applicationNumber}, ${p.department}): the due date moved from ${shown(change.previous)} to ${shown(change.current)} with working-day calendar version ${calendarVersion}`;
}
