// Workflow-safe: pure.
import { isLocalDate, yearOf, type LocalDate } from './local-date';

/** From this day of every year ('MM-DD'), next year's arrangement is expected (notices came 2022-12-08 … 2025-11-04). */
export const DEFAULT_HORIZON_WARNING_FROM = '11-01';

export function isMonthDay(value: string): boolean {
  return /^\d{2}-\d{2}$/.test(value) && isLocalDate(`2024-${value}`);
}

/**
 * Why the calendar's horizon needs attention on `today`, or null: from `warnFrom` on, next year
 * should be published (or in the package); until it is, clocks running into it are provisional.
 */
export function calendarHorizonWarning(today: LocalDate, lastKnownYear: number, warnFrom: string = DEFAULT_HORIZON_WARNING_FROM): string | null {
  const thisYear = yearOf(today);
  const missing = lastKnownYear < thisYear ? thisYear : today.slice(5) >= warnFrom && lastKnownYear === thisYear ? thisYear + 1 : null;
  if (missing === null) return null;
  return (
    `${missing} has no published holiday arrangement yet: due dates that run into it are provisional (暂定), ` +
    `computed from the statutory holidays only. Publish the State Council notice with \`npm run calendar -- publish <file>\` ` +
    `(PUT /calendar/years/${missing}) the day it appears.`
  );
}
