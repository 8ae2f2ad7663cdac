// Workflow-safe: pure.
import { isLocalDate, parseLocalDate, yearOf, type LocalDate } from './local-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/** From this day of every year ('MM-DD'), next year's arrangement is expected (notices came 2022-12-08 … 2025-11-04). */
export const DEFAULT_HORIZON_WARNING_FROM = '11-01';

export function isMonthDay(value: string): boolean {
  return /^\d{2}-\d{2}$/.test(value) && isLocalDate(`2024-${value}`);
}

/** The last year of a calendar that is not provisional. */
export function lastKnownYearOf(calendar: WorkingDayCalendar): number {
  let year = calendar.coverage.lastYear;
  while (
    year > calendar.coverage.firstYear &&
    calendar.isProvisional(parseLocalDate(`${String(year).padStart(4, '0')}-01-01`))
  )
    year -= 1;
  return year;
}

export interface HorizonWarning {
  /** The year nobody has published yet. */
  year: number;
  reason: string;
}

/**
 * Why the calendar's horizon needs attention on `today`, or null: from `warnFrom` on, next year
 * should be published (or in the package); until it is, clocks running into it are provisional.
 * A year running unpublished is warned about every day of it.
 */
export function calendarHorizonWarning(
  today: LocalDate,
  lastKnownYear: number,
  warnFrom: string = DEFAULT_HORIZON_WARNING_FROM,
): HorizonWarning | null {
  const thisYear = yearOf(today);
  const missing =
    lastKnownYear < thisYear
      ? thisYear
      : today.slice(5) >= warnFrom && lastKnownYear === thisYear
        ? thisYear + 1
        : null;
  if (missing === null) return null;
  const reason =
    `${missing} has no published holiday arrangement yet: due dates that run into it are provisional (暂定), ` +
    `computed from the statutory holidays only. Publish the State Council notice with \`npm run calendar -- publish <file>\` ` +
    `(PUT /calendar/years/${missing}) the day it appears.`;
  return { year: missing, reason };
}
