import type { LocalDate } from './local-date';

/**
 * A local adjustment to the national calendar: a date forced to be a working day or a rest day
 * (e.g. a provincial holiday, or a weekend the city works). The note says why, for audit.
 */
export interface CalendarOverride {
  readonly date: LocalDate;
  readonly kind: 'WORKING' | 'REST';
  readonly note: string;
}

/** The city's standing adjustments; none are known for Yumen beyond the national arrangement. */
export const DEFAULT_CALENDAR_OVERRIDES: readonly CalendarOverride[] = [];
