import type { LocalDate } from '../calendar/local-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { rate } from './rates';

/** The city's Q1 target: at least 60 % of the key projects' procedures completed. */
export const COMPLETION_RATE_TARGET = 0.6;

export interface CompletionObservation {
  readonly date: LocalDate;
  /** Procedures completed (cumulative) as of that date. */
  readonly completed: number;
}

export interface ForecastInput {
  /** Applicable procedures (the rate's denominator). */
  readonly applicable: number;
  readonly completedSeries: readonly CompletionObservation[];
  /** Observations after this date are ignored (not known yet). */
  readonly asOf: LocalDate;
  readonly quarterEnd: LocalDate;
  readonly calendar: WorkingDayCalendar;
  /** Measure the pace over only the last this-many working days of history (default: all of it). */
  readonly windowWorkingDays?: number;
  readonly target?: number;
}

export type ForecastBasis =
  /** Nothing is applicable: there is no rate to forecast. */
  | 'NOTHING_APPLICABLE'
  /** No observation on or before asOf. */
  | 'NO_HISTORY'
  /** Observations span no working day: no pace; the forecast is the current count. */
  | 'INSUFFICIENT_HISTORY'
  /** Everything applicable is already completed. */
  | 'COMPLETE'
  | 'LINEAR_PACE';

export interface CompletionForecast {
  readonly basis: ForecastBasis;
  readonly applicable: number;
  readonly currentCompleted: number | null;
  readonly currentRate: number | null;
  /** Completions per working day over the observed window. */
  readonly pacePerWorkingDay: number | null;
  /** Working days from the latest observation to the quarter end. */
  readonly workingDaysLeft: number | null;
  readonly projectedCompleted: number | null;
  readonly forecastRate: number | null;
  readonly target: number;
  /** forecastRate ≥ target; null when there is no forecast. */
  readonly meetsTarget: boolean | null;
}

/**
 * Forecasts the completion rate at the quarter end by linear extrapolation over working days:
 * pace = (completed at the latest observation − completed at the window's first observation) /
 * working days between them (never negative); projected = latest completed + pace × working days
 * from the latest observation to the quarter end, capped at `applicable`. Holidays add no
 * progress, which is why working days rather than calendar days are used.
 */
export function forecastEndOfQuarterRate(input: ForecastInput): CompletionForecast {
  const { applicable, asOf, quarterEnd, calendar } = input;
  const target = input.target ?? COMPLETION_RATE_TARGET;
  if (!Number.isInteger(applicable) || applicable < 0)
    throw new RangeError(`applicable must be a non-negative integer, got ${applicable}`);
  for (const o of input.completedSeries) {
    if (!Number.isFinite(o.completed) || o.completed < 0)
      throw new RangeError(`invalid completed count ${o.completed} on ${o.date}`);
  }
  const empty = {
    applicable,
    target,
    pacePerWorkingDay: null,
    workingDaysLeft: null,
    projectedCompleted: null,
    forecastRate: null,
    meetsTarget: null,
  };

  const known = input.completedSeries
    .filter((o) => o.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = known[known.length - 1];
  if (applicable === 0) {
    return {
      ...empty,
      basis: 'NOTHING_APPLICABLE',
      currentCompleted: latest?.completed ?? null,
      currentRate: null,
    };
  }
  if (latest === undefined)
    return { ...empty, basis: 'NO_HISTORY', currentCompleted: null, currentRate: null };

  const current = Math.min(latest.completed, applicable);
  const currentRate = rate(current, applicable);
  const workingDaysLeft = Math.max(0, calendar.workingDaysBetween(latest.date, quarterEnd));
  const conclude = (basis: ForecastBasis, pace: number | null, projected: number): CompletionForecast => {
    const forecastRate = rate(projected, applicable);
    return {
      basis,
      applicable,
      currentCompleted: current,
      currentRate,
      pacePerWorkingDay: pace,
      workingDaysLeft,
      projectedCompleted: projected,
      forecastRate,
      target,
      meetsTarget: forecastRate === null ? null : forecastRate >= target,
    };
  };

  if (current >= applicable) return conclude('COMPLETE', null, applicable);

  const window = input.windowWorkingDays;
  if (window !== undefined && (!Number.isInteger(window) || window < 1)) {
    throw new RangeError(`windowWorkingDays must be a positive integer, got ${window}`);
  }
  const first =
    window === undefined
      ? known[0]!
      : known.find((o) => calendar.workingDaysBetween(o.date, latest.date) <= window)!;
  const span = calendar.workingDaysBetween(first.date, latest.date);
  if (span <= 0) return conclude('INSUFFICIENT_HISTORY', null, current);

  const pace = Math.max(0, (latest.completed - first.completed) / span);
  return conclude('LINEAR_PACE', pace, Math.min(applicable, current + pace * workingDaysLeft));
}
