// The days a demo plays the portfolio on. The 2023 reproduction keeps the seed's dates; the live
// demo moves every date of the plans, the lifecycle and the approval history forward by whole
// quarters, so that the seed's first quarter of 2023 becomes the current one, and plays only what
// has happened by today: the rest is the future the live clocks, reminders and escalations run on.
import {
  addDays,
  daysBetween,
  parseQuarter,
  quarterOf,
  shanghaiLocalDate,
  type LocalDate,
  type Quarter,
} from '@banjie/domain';
import { Q1_2023, type ProcedureHistory } from './approval-history';
import type { SeedProject } from './seed';

export const PORTFOLIO_DATA_SETS = ['live', '2023'] as const;
/** `live`: the portfolio moved into the current quarter; `2023`: the report's quarter as it was. */
export type PortfolioDataSet = (typeof PORTFOLIO_DATA_SETS)[number];

export class InvalidDataSetError extends Error {
  constructor(value: unknown) {
    super(`--data must be one of ${PORTFOLIO_DATA_SETS.join(', ')}, got ${JSON.stringify(value)}`);
    this.name = 'InvalidDataSetError';
  }
}

/** The data set a command line names (`--data`); throws InvalidDataSetError for anything else. */
export function parsePortfolioDataSet(value: unknown): PortfolioDataSet {
  if (!PORTFOLIO_DATA_SETS.includes(value as PortfolioDataSet)) throw new InvalidDataSetError(value);
  return value as PortfolioDataSet;
}

/** The quarter the seed's history was laid out in. */
const SEED_QUARTER = quarterOf(Q1_2023.quarterStart);

/** The quarter of the civil day in Asia/Shanghai at `now`. */
export function currentQuarter(now: Date): Quarter {
  return quarterOf(shanghaiLocalDate(now));
}

const quarterNumber = (quarter: Quarter) => quarter.year * 4 + quarter.quarter - 1;

function quarterNumbered(n: number): Quarter {
  return parseQuarter(`${String(Math.floor(n / 4)).padStart(4, '0')}-Q${(n % 4) + 1}`);
}

/**
 * `date` moved by as many quarters as lie between `from` and `to`, at the same distance from its
 * quarter's first day — or on the quarter's last day, when the quarter it lands in is shorter.
 */
export function shiftIntoQuarter(date: LocalDate, from: Quarter, to: Quarter): LocalDate {
  const own = quarterOf(date);
  const landing = quarterNumbered(quarterNumber(own) + quarterNumber(to) - quarterNumber(from));
  const shifted = addDays(landing.firstDay, daysBetween(own.firstDay, date));
  return shifted > landing.lastDay ? landing.lastDay : shifted;
}

export interface PortfolioDates {
  dataSet: PortfolioDataSet;
  /** The quarter the seed's first quarter of 2023 is played in (the deadline service's target quarter). */
  quarter: Quarter;
  /** Nothing dated later is played: the services refuse the future. */
  today: LocalDate;
  /** The day the demo's figures are shown for: the report's 28 March, or today. */
  reportDay: LocalDate;
}

export function portfolioDates(dataSet: PortfolioDataSet, now: Date): PortfolioDates {
  const today = shanghaiLocalDate(now);
  return dataSet === '2023'
    ? { dataSet, quarter: SEED_QUARTER, today, reportDay: Q1_2023.reportDay }
    : { dataSet, quarter: quarterOf(today), today, reportDay: today };
}

/** A seed date as the demo plays it. */
export function demoDate(date: string, dates: PortfolioDates): LocalDate {
  return shiftIntoQuarter(date as LocalDate, SEED_QUARTER, dates.quarter);
}

/**
 * The seed project on the demo's dates: planned start, plan targets and lifecycle moves shifted,
 * the moves after today left out. It entered the list when the seed says (its code stays BJ-2023-…).
 */
export function seedProjectOn(project: SeedProject, dates: PortfolioDates): SeedProject {
  const lifecycle = project.lifecycle.map((step) => ({ ...step, on: demoDate(step.on, dates) }));
  const future = lifecycle.findIndex((step) => step.on > dates.today);
  return {
    ...project,
    plannedStart: demoDate(project.plannedStart, dates),
    plan: project.plan.map((item) =>
      item.targetDate ? { ...item, targetDate: demoDate(item.targetDate, dates) } : item,
    ),
    lifecycle: future === -1 ? lifecycle : lifecycle.slice(0, future),
  };
}

/** Every step of the histories on the demo's dates (the whole quarter, the future included). */
export function historiesOn(
  histories: readonly ProcedureHistory[],
  dates: PortfolioDates,
): ProcedureHistory[] {
  return histories.map((history) => ({
    ...history,
    steps: history.steps.map((step) => ({ ...step, effectiveDate: demoDate(step.effectiveDate, dates) })),
  }));
}

/** What has happened by today: each procedure's steps up to its first one after today. */
export function historiesUntil(histories: readonly ProcedureHistory[], today: LocalDate): ProcedureHistory[] {
  return histories.map((history) => {
    const future = history.steps.findIndex((step) => step.effectiveDate > today);
    return future === -1 ? history : { ...history, steps: history.steps.slice(0, future) };
  });
}
