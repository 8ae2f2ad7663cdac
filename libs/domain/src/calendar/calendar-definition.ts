// Workflow-safe: plain data and pure functions.
import type { CalendarOverride } from './calendar-override';
import type { LocalDate } from './local-date';

/**
 * Where a year's arrangement comes from: the maintained package (chinese-days), an admin's
 * publication of the State Council notice, or — while neither exists — computed from the
 * statutory holidays of the law (provisional: the bridges and 调休 are not known yet).
 */
export const YEAR_SOURCES = ['PACKAGE', 'PUBLISHED', 'PROVISIONAL'] as const;
export type YearSource = (typeof YEAR_SOURCES)[number];

export interface NamedHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

/** One year's working-day arrangement: its rest days (with their names) and its adjusted working days (调休). */
export interface YearArrangement {
  readonly year: number;
  readonly source: YearSource;
  /** The notice it comes from, e.g. 国办发明电〔2025〕7号 (null for package and provisional years). */
  readonly reference: string | null;
  /** Rest days of the holidays (a weekend date inside a holiday period may be listed too). */
  readonly holidays: readonly NamedHoliday[];
  /** Weekend days that are working days. */
  readonly workingDays: readonly LocalDate[];
}

/**
 * The whole working-day calendar at one version, as its owner (the approval service) publishes it
 * on `calendar.v1`: every known year (package or published, consecutive) and the local overrides.
 * Years after the last known one are provisional, computed the same way by every service.
 */
export interface CalendarDefinition {
  /** Grows by one with every change (0: the package's data before the owner published anything). */
  readonly version: number;
  readonly years: readonly YearArrangement[];
  readonly overrides: readonly CalendarOverride[];
}

/** The last year any working-day calendar covers (provisionally): far enough for every clock, bounded for every loop. */
export const CALENDAR_LAST_YEAR = 2099;

/** The years of a definition, checked to be consecutive. */
export function knownYears(definition: Pick<CalendarDefinition, 'years'>): {
  firstYear: number;
  lastYear: number;
} {
  const years = definition.years.map((y) => y.year).sort((a, b) => a - b);
  if (years.length === 0) throw new Error('a calendar definition needs at least one known year');
  years.forEach((year, index) => {
    if (index > 0 && year !== years[index - 1]! + 1)
      throw new Error(`calendar definition misses ${years[index - 1]! + 1}; known years must be consecutive`);
  });
  return { firstYear: years[0]!, lastYear: years[years.length - 1]! };
}
