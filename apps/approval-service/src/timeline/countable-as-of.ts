import type { LocalDate, WorkingDayCalendar } from '@banjie/domain';
import { fieldError } from '@banjie/platform';

/**
 * The day a reading counts up to: the one asked (already a valid date within Banjie's bounds) or
 * today, refused with a 400 naming `asOf` when the working-day calendar has no year for it.
 */
export function countableAsOf(asOf: string, calendar: WorkingDayCalendar): LocalDate {
  const day = asOf as LocalDate;
  if (!calendar.covers(day)) {
    const { firstYear, lastYear } = calendar.coverage;
    throw fieldError(
      'asOf',
      `asOf must be a day the working-day calendar counts (${firstYear}–${lastYear})`,
      'CALENDAR_NOT_COVERED',
    );
  }
  return day;
}
