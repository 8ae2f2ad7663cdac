import { addDays, isWeekend, parseLocalDate, type LocalDate } from './local-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/**
 * A plain, JSON-serialisable copy of a working-day calendar for whole years, so that code which
 * must not load the holiday package (Temporal workflows) can still count working days.
 * `calendarFromSnapshot` turns it back into a WorkingDayCalendar.
 */
export interface CalendarSnapshot {
  readonly schemaVersion: 1;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Rest days among dates that would otherwise be working days (sorted). A weekend date listed here is harmless. */
  readonly holidays: readonly LocalDate[];
  /** Weekend dates that are working days (调休 and local overrides), sorted. */
  readonly adjustedWorkingDays: readonly LocalDate[];
  /** The calendar version it was copied from (absent in snapshots older than versioned calendars: 0). */
  readonly calendarVersion?: number;
  /** The years of the snapshot nobody had published when it was taken (absent: none). */
  readonly provisionalYears?: readonly number[];
}

/** Copies `calendar` for the years firstYear..lastYear (all must be covered). */
export function buildCalendarSnapshot(
  calendar: WorkingDayCalendar,
  firstYear: number,
  lastYear: number,
): CalendarSnapshot {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw new RangeError(`invalid snapshot year range ${firstYear}..${lastYear}`);
  }
  const holidays: LocalDate[] = [];
  const adjustedWorkingDays: LocalDate[] = [];
  const end = parseLocalDate(`${String(lastYear).padStart(4, '0')}-12-31`);
  for (let d = parseLocalDate(`${String(firstYear).padStart(4, '0')}-01-01`); d <= end; d = addDays(d, 1)) {
    const working = calendar.isWorkingDay(d);
    if (isWeekend(d) && working) adjustedWorkingDays.push(d);
    if (!isWeekend(d) && !working) holidays.push(d);
  }
  const provisionalYears: number[] = [];
  for (let year = firstYear; year <= lastYear; year += 1)
    if (calendar.isProvisional(parseLocalDate(`${String(year).padStart(4, '0')}-01-01`)))
      provisionalYears.push(year);
  return {
    schemaVersion: 1,
    firstYear,
    lastYear,
    holidays,
    adjustedWorkingDays,
    calendarVersion: calendar.version,
    provisionalYears,
  };
}
