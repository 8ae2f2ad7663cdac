/**
 * A civil date in Asia/Shanghai, written 'YYYY-MM-DD'. Branded so that an unchecked string cannot
 * be passed where a validated date is expected; obtain one with `parseLocalDate` or
 * `shanghaiLocalDate`. Lexicographic order of LocalDates is chronological order.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

export class InvalidLocalDateError extends Error {
  constructor(readonly input: unknown) {
    super(`not a valid local date 'YYYY-MM-DD': ${JSON.stringify(input)}`);
    this.name = 'InvalidLocalDateError';
  }
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `value` is a 'YYYY-MM-DD' string naming a real day (rejects '2023-02-30'). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = SHAPE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Validates and brands a date string; throws InvalidLocalDateError otherwise. */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new InvalidLocalDateError(value);
  return value;
}

/** Like parseLocalDate but returns null instead of throwing. */
export function tryParseLocalDate(value: unknown): LocalDate | null {
  return isLocalDate(value) ? value : null;
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it.
const shanghaiDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The civil date in Asia/Shanghai at the given instant. */
export function shanghaiLocalDate(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new InvalidLocalDateError(String(instant));
  const parts = shanghaiDateFormat.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return parseLocalDate(`${get('year')}-${get('month')}-${get('day')}`);
}

/** Days since 1970-01-01 (the date's position on a plain day line; no time zone involved). */
export function toEpochDay(date: LocalDate): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const instant = new Date(0);
  instant.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return instant.getTime() / MS_PER_DAY;
}

/** The epoch days of 0001-01-01 and 9999-12-31: the days a 'YYYY-MM-DD' can name. */
const FIRST_EPOCH_DAY = -719_162;
const LAST_EPOCH_DAY = 2_932_896;

/**
 * The date at a position on the day line. Throws a RangeError beyond the years 0001–9999: the day
 * after 9999-12-31 has no 'YYYY-MM-DD' (ISO writes it '+010000-01-01', which sorts before
 * '9999-12-31' and would turn a loop over days into an endless one).
 */
export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isInteger(epochDay) || epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) {
    throw new RangeError(`epoch day ${epochDay} is not a whole day within 0001-01-01..9999-12-31`);
  }
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10) as LocalDate;
}

/** The date `days` later (earlier when negative); a RangeError when that leaves 0001–9999 (see fromEpochDay). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: LocalDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function minLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}
