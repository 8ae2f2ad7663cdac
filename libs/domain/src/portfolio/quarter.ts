import { addDays, dayOfWeek, isLocalDate, parseLocalDate, yearOf, type LocalDate } from '../calendar/local-date';

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

/** Days of the final stretch that are checked every day. */
export const DAILY_CHECKPOINT_DAYS = 14;

/**
 * When the dispatch centre takes a reading of the quarter's progress: every Friday, then every
 * day of the last 14 days (the final push), always including the last day. Sorted, unique.
 */
export function quarterCheckpoints(q: Quarter): LocalDate[] {
  const dailyFrom = addDays(q.lastDay, -(DAILY_CHECKPOINT_DAYS - 1));
  const points: LocalDate[] = [];
  for (let day = q.firstDay; day <= q.lastDay; day = addDays(day, 1)) {
    if (day >= dailyFrom || dayOfWeek(day) === 5) points.push(day);
  }
  return points;
}
