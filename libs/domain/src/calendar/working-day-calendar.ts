import type { LocalDate } from './local-date';

/** The inclusive range of whole years for which the official holiday arrangement is known. */
export interface CalendarCoverage {
  readonly firstYear: number;
  readonly lastYear: number;
}

/**
 * China's working-day calendar (工作日): Monday–Friday work, except public holidays; weekend days
 * made working days by the State Council's adjustments (调休) do count.
 *
 * Time-limit convention (the administrative-licence rule that the day of acceptance is not
 * counted): a limit of N working days accepted on day D ends at the end of the N-th working day
 * AFTER D. So the due date is `addWorkingDays(D, N)`, and `workingDaysBetween(D, due) === N`.
 *
 * Every method that has to know whether a date is a working day throws CalendarNotCoveredError
 * for a date outside the coverage: the calendar never guesses a year it has no data for.
 */
export interface WorkingDayCalendar {
  readonly coverage: CalendarCoverage;
  /** The calendar's published version (0: the package's data, before its owner published any). */
  readonly version: number;
  /** True for a date in a covered year that nobody has published yet: computed from the law, marked 暂定. */
  isProvisional(date: LocalDate): boolean;
  /** True when any year from `from`'s to `to`'s is provisional (a due date counted across it is). */
  provisionalBetween(from: LocalDate, to: LocalDate): boolean;
  /** True when the date's year is covered (never throws). */
  covers(date: LocalDate): boolean;
  isWorkingDay(date: LocalDate): boolean;
  /**
   * The date on which the n-th working day after `start` falls (`start` itself never counts).
   * n = 0 returns `start`. n must be a non-negative integer.
   */
  addWorkingDays(start: LocalDate, n: number): LocalDate;
  /** The number of working days in (from, to]; negative (−count of (to, from]) when to < from. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
}

export class CalendarNotCoveredError extends Error {
  constructor(
    readonly year: number,
    readonly coverage: CalendarCoverage,
  ) {
    super(
      `the working-day calendar does not cover ${year} yet; it covers ${coverage.firstYear}–${coverage.lastYear}. ` +
        `No clock is counted in ${year}.`,
    );
    this.name = 'CalendarNotCoveredError';
  }
}
