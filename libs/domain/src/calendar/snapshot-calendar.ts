// Workflow-safe: imports nothing but pure helpers, so Temporal workflow code can use it.
import { fromEpochDay, parseLocalDate, toEpochDay, yearOf, type LocalDate } from './local-date';
import type { CalendarSnapshot } from './calendar-snapshot';
import {
  CalendarNotCoveredError,
  type CalendarCoverage,
  type WorkingDayCalendar,
} from './working-day-calendar';

/** The rule data of a calendar: dates forced to rest, dates forced to work, everything else by weekday. */
export interface CalendarRules {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly restDays: Iterable<string>;
  readonly workingDays: Iterable<string>;
  /** The published version the rules come from (default 0). */
  readonly version?: number;
  /** Covered years computed from the law, not published (default none). */
  readonly provisionalYears?: Iterable<number>;
}

class RuleBasedCalendar implements WorkingDayCalendar {
  readonly coverage: CalendarCoverage;
  readonly version: number;
  private readonly provisionalYears: ReadonlySet<number>;
  private readonly firstEpochDay: number;
  private readonly lastEpochDay: number;
  private readonly rest = new Set<number>();
  private readonly work = new Set<number>();

  constructor(rules: CalendarRules) {
    const { firstYear, lastYear } = rules;
    if (
      !Number.isInteger(firstYear) ||
      !Number.isInteger(lastYear) ||
      firstYear < 1 ||
      firstYear > lastYear ||
      lastYear > 9999
    ) {
      throw new RangeError(`invalid calendar year range ${firstYear}..${lastYear}`);
    }
    this.coverage = Object.freeze({ firstYear, lastYear });
    this.version = rules.version ?? 0;
    this.provisionalYears = new Set(rules.provisionalYears ?? []);
    this.firstEpochDay = toEpochDay(parseLocalDate(`${String(firstYear).padStart(4, '0')}-01-01`));
    this.lastEpochDay = toEpochDay(parseLocalDate(`${String(lastYear).padStart(4, '0')}-12-31`));
    for (const raw of rules.restDays) this.rest.add(this.ruleDay(raw));
    for (const raw of rules.workingDays) {
      const day = this.ruleDay(raw);
      if (this.rest.has(day))
        throw new Error(`calendar data lists ${raw} both as a rest day and as a working day`);
      this.work.add(day);
    }
  }

  covers(date: LocalDate): boolean {
    const year = yearOf(date);
    return year >= this.coverage.firstYear && year <= this.coverage.lastYear;
  }

  isProvisional(date: LocalDate): boolean {
    return this.provisionalYears.has(yearOf(date));
  }

  provisionalBetween(from: LocalDate, to: LocalDate): boolean {
    const [a, b] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
    for (const year of this.provisionalYears) if (year >= a && year <= b) return true;
    return false;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingEpochDay(toEpochDay(parseLocalDate(date)));
  }

  addWorkingDays(start: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`addWorkingDays needs a non-negative integer, got ${n}`);
    let day = this.coveredEpochDay(start);
    for (let counted = 0; counted < n;) {
      day += 1;
      if (this.isWorkingEpochDay(day)) counted += 1;
    }
    return fromEpochDay(day);
  }

  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const a = this.coveredEpochDay(from);
    const b = toEpochDay(parseLocalDate(to));
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    if (a > b) this.coveredEpochDay(to);
    let count = 0;
    for (let day = lo + 1; day <= hi; day += 1) if (this.isWorkingEpochDay(day)) count += 1;
    return count === 0 ? 0 : sign * count;
  }

  private ruleDay(raw: string): number {
    const date = parseLocalDate(raw);
    const day = toEpochDay(date);
    if (day < this.firstEpochDay || day > this.lastEpochDay) {
      throw new RangeError(
        `calendar data date ${raw} lies outside the covered years ${this.coverage.firstYear}..${this.coverage.lastYear}`,
      );
    }
    return day;
  }

  private coveredEpochDay(date: LocalDate): number {
    const day = toEpochDay(parseLocalDate(date));
    this.assertCovered(day);
    return day;
  }

  private assertCovered(day: number): void {
    if (day < this.firstEpochDay || day > this.lastEpochDay) {
      throw new CalendarNotCoveredError(yearOf(fromEpochDay(day)), this.coverage);
    }
  }

  private isWorkingEpochDay(day: number): boolean {
    this.assertCovered(day);
    if (this.work.has(day)) return true;
    if (this.rest.has(day)) return false;
    const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    return dow !== 0 && dow !== 6;
  }
}

/** A calendar from explicit rules (rest days win over weekdays, working days over weekends). */
export function calendarFromRules(rules: CalendarRules): WorkingDayCalendar {
  return new RuleBasedCalendar(rules);
}

/** Rebuilds a calendar from a snapshot (e.g. one passed into a Temporal workflow), validating it. */
export function calendarFromSnapshot(snapshot: CalendarSnapshot): WorkingDayCalendar {
  if (snapshot.schemaVersion !== 1)
    throw new Error(`unsupported calendar snapshot version ${String(snapshot.schemaVersion)}`);
  return new RuleBasedCalendar({
    firstYear: snapshot.firstYear,
    lastYear: snapshot.lastYear,
    restDays: snapshot.holidays,
    workingDays: snapshot.adjustedWorkingDays,
    version: snapshot.calendarVersion ?? 0,
    provisionalYears: snapshot.provisionalYears ?? [],
  });
}
