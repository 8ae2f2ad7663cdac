import { isLocalDate, parseLocalDate, type LocalDate } from './local-date';

/**
 * The days a date given to Banjie can mean: 2000-01-01 to 2100-12-31, both included. Every date
 * and period a request carries must lie within them (a 400 names the field and this range).
 *
 * - From 2000: the national working-day data starts in 2004 and the records of continuing projects
 *   (listing, planned starts, transitions) may be a few years older; the 2023 portfolio and every
 *   covered calendar year lie well inside.
 * - To 2100: the working-day calendar is being extended to 2099 (with provisional years), and a
 *   limit or a target set late in 2099 can end in 2100.
 *
 * Far years mean nothing to a key-project list and only cost: any range of days a request can ask
 * for spans at most these 36,890 days.
 */
export const MEANINGFUL_DATES: { readonly first: LocalDate; readonly last: LocalDate } = Object.freeze({
  first: parseLocalDate('2000-01-01'),
  last: parseLocalDate('2100-12-31'),
});

/** True when `value` is a real day within MEANINGFUL_DATES. */
export function isMeaningfulDate(value: unknown): value is LocalDate {
  return isLocalDate(value) && value >= MEANINGFUL_DATES.first && value <= MEANINGFUL_DATES.last;
}
