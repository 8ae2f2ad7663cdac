// The days a demo plays the portfolio on. The 2023 reproduction keeps the seed's dates; the live
// demo moves every date of the plans, the lifecycle and the approval history forward by whole
// quarters, so that the seed's first quarter of 2023 becomes the current one, and plays only what
// has happened by today: the rest is the future the live clocks, reminders and escalations run on.
// The approval history moves by working days (the n-th working day of its quarter lands on the n-th
// of the new one), so no action falls on a rest day and every clock keeps its working-day story.
import { ProcedureAction } from '@banjie/contracts';
import {
  addDays,
  daysBetween,
  parseQuarter,
  quarterOf,
  shanghaiLocalDate,
  type LocalDate,
  type Quarter,
  type WorkingDayCalendar,
} from '@banjie/domain';
import { Q1_2023, type ProcedureHistory } from './approval-history';
import { redatedDocumentNumber } from './document-numbers';
import type { SeedProject } from './seed';
import { WorkingDays } from './working-days';

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

/**
 * A working day moved like `shiftIntoQuarter`, but counted in working days: the n-th working day of
 * its quarter becomes the n-th working day of the quarter it lands in (the last one, when that
 * quarter has fewer). A rest day moves by calendar days, as `shiftIntoQuarter` does.
 */
export function shiftWorkingDayIntoQuarter(
  date: LocalDate,
  from: Quarter,
  to: Quarter,
  calendar: WorkingDayCalendar,
): LocalDate {
  if (!calendar.isWorkingDay(date)) return shiftIntoQuarter(date, from, to);
  const own = quarterOf(date);
  const landing = quarterOf(shiftIntoQuarter(own.firstDay, from, to));
  const ownDays = new WorkingDays(calendar, own.firstDay, own.lastDay);
  const landingDays = new WorkingDays(calendar, landing.firstDay, landing.lastDay);
  return landingDays.at(Math.min(ownDays.indexOnOrAfter(date), landingDays.lastIndex));
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

/**
 * Every step of the histories on the demo's dates (the whole quarter, the future included), moved
 * by working days; an approval's document number carries the year (and date) it is issued on.
 */
export function historiesOn(
  histories: readonly ProcedureHistory[],
  dates: PortfolioDates,
  calendar: WorkingDayCalendar,
): ProcedureHistory[] {
  const moved = new Map<LocalDate, LocalDate>();
  const move = (day: LocalDate): LocalDate => {
    let landed = moved.get(day);
    if (landed === undefined) {
      landed = shiftWorkingDayIntoQuarter(day, SEED_QUARTER, dates.quarter, calendar);
      moved.set(day, landed);
    }
    return landed;
  };
  return histories.map((history) => ({
    ...history,
    steps: history.steps.map((step) => {
      const effectiveDate = move(step.effectiveDate);
      const number = step.details.documentNumber;
      return step.action === ProcedureAction.APPROVE && typeof number === 'string'
        ? {
            ...step,
            effectiveDate,
            details: {
              ...step.details,
              documentNumber: redatedDocumentNumber(number, step.effectiveDate, effectiveDate),
            },
          }
        : { ...step, effectiveDate };
    }),
  }));
}

/** What has happened by today: each procedure's steps up to its first one after today. */
export function historiesUntil(histories: readonly ProcedureHistory[], today: LocalDate): ProcedureHistory[] {
  return histories.map((history) => {
    const future = history.steps.findIndex((step) => step.effectiveDate > today);
    return future === -1 ? history : { ...history, steps: history.steps.slice(0, future) };
  });
}
