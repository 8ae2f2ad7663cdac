// Workflow-safe: builds a calendar from published data; provisional years come from the caller.
import {
  CALENDAR_LAST_YEAR,
  knownYears,
  type CalendarDefinition,
  type YearArrangement,
} from './calendar-definition';
import { parseLocalDate, yearOf } from './local-date';
import { calendarFromRules } from './snapshot-calendar';
import { CalendarNotCoveredError, type WorkingDayCalendar } from './working-day-calendar';

/** The arrangement of a year nobody has published (see provisional-year.ts). */
export type ProvisionalYears = (year: number) => YearArrangement;

/**
 * The working-day calendar of a definition: its known years, then provisional years up to
 * CALENDAR_LAST_YEAR, with the local overrides on top (an override wins). Every service builds
 * its calendar here from the same published definition, so all agree on every date.
 */
export function calendarFromDefinition(
  definition: CalendarDefinition,
  provisional: ProvisionalYears,
): WorkingDayCalendar {
  const { firstYear, lastYear } = knownYears(definition);
  const years: YearArrangement[] = [...definition.years];
  const provisionalYears: number[] = [];
  for (let year = lastYear + 1; year <= CALENDAR_LAST_YEAR; year += 1) {
    years.push(provisional(year));
    provisionalYears.push(year);
  }
  const rest = new Set<string>();
  const work = new Set<string>();
  for (const year of years) {
    for (const holiday of year.holidays) rest.add(holiday.date);
    for (const day of year.workingDays) work.add(day);
  }
  const seen = new Set<string>();
  for (const override of definition.overrides) {
    const date = parseLocalDate(override.date);
    const year = yearOf(date);
    if (year < firstYear || year > CALENDAR_LAST_YEAR)
      throw new CalendarNotCoveredError(year, { firstYear, lastYear: CALENDAR_LAST_YEAR });
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
  return calendarFromRules({
    firstYear,
    lastYear: CALENDAR_LAST_YEAR,
    restDays: rest,
    workingDays: work,
    version: definition.version,
    provisionalYears,
  });
}
