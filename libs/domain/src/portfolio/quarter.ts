import { MEANINGFUL_DATES, isMeaningfulDate } from '../calendar/date-bounds';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  isLocalDate,
  parseLocalDate,
  yearOf,
  type LocalDate,
} from '../calendar/local-date';

export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** '2023-Q1' */
  readonly label: string;
  readonly firstDay: LocalDate;
  /** The target's hard date: the quarter's last civil day in Asia/Shanghai. */
  readonly lastDay: LocalDate;
}

export class InvalidQuarterError extends Error {
  constructor(readonly input: unknown) {
    super(`not a valid quarter 'YYYY-Qn' (n = 1..4): ${JSON.stringify(input)}`);
    this.name = 'InvalidQuarterError';
  }
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

function makeQuarter(year: number, quarter: 1 | 2 | 3 | 4): Quarter {
  const y = String(year).padStart(4, '0');
  const firstMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
  return Object.freeze({
    year,
    quarter,
    label: `${y}-Q${quarter}`,
    firstDay: parseLocalDate(`${y}-${firstMonth}-01`),
    lastDay: parseLocalDate(`${y}-${LAST_DAY[quarter - 1]}`),
  });
}

/** Parses '2023-Q1'; throws InvalidQuarterError for anything else. */
export function parseQuarter(label: string): Quarter {
  const m = typeof label === 'string' ? QUARTER.exec(label) : null;
  if (!m || Number(m[1]) < 1) throw new InvalidQuarterError(label);
  return makeQuarter(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
}

/** The quarter a date falls in. */
export function quarterOf(date: LocalDate): Quarter {
  if (!isLocalDate(date)) throw new InvalidQuarterError(date);
  return makeQuarter(yearOf(date), (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4);
}

/** The quarters of MEANINGFUL_DATES: '2000-Q1' to '2100-Q4'. */
export const MEANINGFUL_QUARTERS: { readonly first: string; readonly last: string } = Object.freeze({
  first: quarterOf(MEANINGFUL_DATES.first).label,
  last: quarterOf(MEANINGFUL_DATES.last).label,
});

/** True when `label` is a quarter 'YYYY-Qn' whose every day lies within MEANINGFUL_DATES. */
export function isMeaningfulQuarter(label: unknown): boolean {
  if (typeof label !== 'string' || !QUARTER.test(label)) return false;
  const { firstDay, lastDay } = parseQuarter(label);
  return isMeaningfulDate(firstDay) && isMeaningfulDate(lastDay);
}

/** Days of the final stretch that are checked every day. */
export const DAILY_CHECKPOINT_DAYS = 14;

/**
 * When the dispatch centre takes a reading of the quarter's progress: every Friday, then every
 * day of the last 14 days (the final push), always including the last day. Sorted, unique.
 */
export function quarterCheckpoints(q: Quarter): LocalDate[] {
  const dailyFrom = addDays(q.lastDay, -(DAILY_CHECKPOINT_DAYS - 1));
  const points: LocalDate[] = [];
  // Counted, never compared as text: at most the 92 days of a quarter, whatever its year.
  const days = daysBetween(q.firstDay, q.lastDay);
  for (let offset = 0; offset <= days; offset += 1) {
    const day = addDays(q.firstDay, offset);
    if (day >= dailyFrom || dayOfWeek(day) === 5) points.push(day);
  }
  return points;
}
