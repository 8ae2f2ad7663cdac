// Not workflow-safe: loads the chinese-days holiday data. Workflows use a CalendarSnapshot instead.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { DEFAULT_CALENDAR_OVERRIDES, type CalendarOverride } from './calendar-override';
import { parseLocalDate, yearOf } from './local-date';
import { calendarFromRules } from './snapshot-calendar';
import { CalendarNotCoveredError, type CalendarCoverage, type WorkingDayCalendar } from './working-day-calendar';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data: ChineseDaysData = chineseDays;

/**
 * The years chinese-days has the State Council arrangement for: from the first to the last year
 * that lists any holiday, and every year in between must list some (otherwise we refuse to load).
 */
export function chineseDaysCoverage(): CalendarCoverage {
  const years = new Set(Object.keys(data.holidays).map((d) => yearOf(parseLocalDate(d))));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  for (let y = firstYear; y <= lastYear; y += 1) {
    if (!years.has(y)) throw new Error(`chinese-days has no holiday data for ${y}; refusing to guess its working days`);
  }
  return { firstYear, lastYear };
}

/**
 * The national working-day calendar from the chinese-days package, with local overrides applied
 * on top (an override wins over the national arrangement). Overrides must lie in covered years
 * and name each date at most once.
 */
export function createChineseWorkingDayCalendar(
  overrides: readonly CalendarOverride[] = DEFAULT_CALENDAR_OVERRIDES,
): WorkingDayCalendar {
  const coverage = chineseDaysCoverage();
  const rest = new Set(Object.keys(data.holidays));
  const work = new Set(Object.keys(data.workdays));
  const seen = new Set<string>();
  for (const override of overrides) {
    const date = parseLocalDate(override.date);
    const year = yearOf(date);
    if (year < coverage.firstYear || year > coverage.lastYear) throw new CalendarNotCoveredError(year, coverage);
    if (seen.has(date)) throw new Error(`calendar override for ${date} is given more than once`);
    seen.add(date);
    if (override.kind === 'WORKING') {
      rest.delete(date);
      work.add(date);
    } else {
      work.delete(date);
      rest.add(date);
    }
  }
  return calendarFromRules({ ...coverage, restDays: rest, workingDays: work });
}
