// Not workflow-safe: loads the chinese-days holiday data and tyme4ts. Workflows use a CalendarSnapshot instead.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { DEFAULT_CALENDAR_OVERRIDES, type CalendarOverride } from './calendar-override';
import type { CalendarDefinition, NamedHoliday, YearArrangement } from './calendar-definition';
import { calendarFromDefinition } from './definition-calendar';
import { parseLocalDate, yearOf, type LocalDate } from './local-date';
import { provisionalYear } from './provisional-year';
import type { CalendarCoverage, WorkingDayCalendar } from './working-day-calendar';

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
    if (!years.has(y))
      throw new Error(`chinese-days has no holiday data for ${y}; refusing to guess its working days`);
  }
  return { firstYear, lastYear };
}

let packageYearsCache: YearArrangement[] | undefined;

/** Every year chinese-days has, as arrangements (holiday names from its data, e.g. 'Spring Festival,春节,4' → 春节). */
export function packageYears(): readonly YearArrangement[] {
  if (packageYearsCache) return packageYearsCache;
  const { firstYear, lastYear } = chineseDaysCoverage();
  const years = new Map<number, { holidays: NamedHoliday[]; workingDays: LocalDate[] }>();
  for (let year = firstYear; year <= lastYear; year += 1) years.set(year, { holidays: [], workingDays: [] });
  for (const [raw, label] of Object.entries(data.holidays).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const date = parseLocalDate(raw);
    years.get(yearOf(date))!.holidays.push({ date, name: label.split(',')[1] ?? label });
  }
  for (const raw of Object.keys(data.workdays).sort()) {
    const date = parseLocalDate(raw);
    years.get(yearOf(date))?.workingDays.push(date);
  }
  packageYearsCache = [...years].map(([year, days]) => ({
    year,
    source: 'PACKAGE',
    reference: null,
    ...days,
  }));
  return packageYearsCache;
}

const provisionalCache = new Map<number, YearArrangement>();

/** A provisional year, computed once per process. */
export function cachedProvisionalYear(year: number): YearArrangement {
  let arrangement = provisionalCache.get(year);
  if (!arrangement) {
    arrangement = provisionalYear(year);
    provisionalCache.set(year, arrangement);
  }
  return arrangement;
}

/** The package's calendar as a definition at version 0 (what a service uses before the owner's first publication reaches it). */
export function packageDefinition(
  overrides: readonly CalendarOverride[] = DEFAULT_CALENDAR_OVERRIDES,
): CalendarDefinition {
  return { version: 0, years: packageYears(), overrides };
}

/** The calendar of a published definition, provisional years computed from the law. */
export function workingDayCalendarOf(definition: CalendarDefinition): WorkingDayCalendar {
  return calendarFromDefinition(definition, cachedProvisionalYear);
}

/**
 * The national working-day calendar from the chinese-days package (version 0), provisional after
 * its last year, with local overrides applied on top (an override wins over the national arrangement).
 */
export function createChineseWorkingDayCalendar(
  overrides: readonly CalendarOverride[] = DEFAULT_CALENDAR_OVERRIDES,
): WorkingDayCalendar {
  return workingDayCalendarOf(packageDefinition(overrides));
}
