import type { AtRiskProcedure, ProcedureStatus } from '@banjie/contracts';
import {
  addDays,
  completionRatesBy,
  countsAsOf,
  countsTowardsCompletionRate,
  forecastEndOfQuarterRate,
  parseLocalDate,
  parseQuarter,
  procedureCompletionRate,
  quarterCheckpoints,
  type LocalDate,
  type WorkingDayCalendar,
} from '@banjie/domain/workflow-safe';
import type { QuarterReading, QuarterReadingRequest } from './activities';

export interface ProcedureForTarget {
  procedureId: string;
  projectCode: string;
  department: string;
  status: ProcedureStatus;
  acceptedOn: string | null;
  dueDate: string | null;
  targetDate: string | null;
  completedOn: string | null;
  /** The day the project was put on the key-project list (null or absent: unknown). */
  listedOn?: string | null;
  /** The day the procedure first existed (null or absent: unknown). */
  openedOn?: string | null;
}

/** The status a procedure had at the end of `day`, as far as the rate is concerned: approved only from its completion day. */
function statusAsOf(p: ProcedureForTarget, day: LocalDate): ProcedureStatus {
  if (p.status !== 'APPROVED') return p.status;
  return p.completedOn !== null && p.completedOn <= day ? 'APPROVED' : 'ACCEPTED';
}

function completedAsOf(procedures: readonly ProcedureForTarget[], day: LocalDate): number {
  return procedureCompletionRate(procedures.map((p) => ({ status: statusAsOf(p, day) }))).completed;
}

/**
 * The quarter target as of a day, from the projection, over the procedures that existed, of
 * projects listed, by that day (`countsAsOf`):
 *
 * - actual = approved (on or before the day) ÷ applicable (every procedure except not-applicable
 *   and already-held), the city's rate (`procedureCompletionRate`);
 * - forecast = `forecastEndOfQuarterRate`: the pace is the approvals per working day between the
 *   eve of the quarter and the day (or over the last `forecastWindowWorkingDays` working days, the
 *   series being sampled at the eve, at every checkpoint and on the day), extrapolated over the
 *   working days left to the quarter's last day, capped at everything applicable;
 * - at risk = the open procedures ranked by how soon they can move the rate: running clocks by due
 *   date (the overdue first), then paused clocks, then the rest by target date.
 */
export function readQuarter(
  projected: readonly ProcedureForTarget[],
  request: QuarterReadingRequest,
  calendar: WorkingDayCalendar,
): QuarterReading {
  const quarter = parseQuarter(request.quarter);
  const asOf = parseLocalDate(request.asOf);
  const procedures = projected.filter((p) => countsAsOf(p, asOf));
  const current = procedures.map((p) => ({ ...p, status: statusAsOf(p, asOf) }));
  const overall = procedureCompletionRate(current);
  const sampleDays = [
    addDays(quarter.firstDay, -1),
    ...quarterCheckpoints(quarter).filter((day) => day < asOf),
    asOf,
  ];
  const forecast = forecastEndOfQuarterRate({
    applicable: overall.applicable,
    completedSeries: sampleDays.map((date) => ({ date, completed: completedAsOf(procedures, date) })),
    asOf,
    quarterEnd: quarter.lastDay,
    calendar,
    target: request.target,
    ...(request.forecastWindowWorkingDays === undefined
      ? {}
      : { windowWorkingDays: request.forecastWindowWorkingDays }),
  });
  return {
    quarter: quarter.label,
    asOf,
    target: request.target,
    overall,
    forecast: {
      basis: forecast.basis,
      forecastRate: forecast.forecastRate,
      pacePerWorkingDay:
        forecast.pacePerWorkingDay === null ? null : Math.round(forecast.pacePerWorkingDay * 1000) / 1000,
      projectedCompleted:
        forecast.projectedCompleted === null ? null : Math.round(forecast.projectedCompleted * 10) / 10,
      workingDaysLeft: forecast.workingDaysLeft,
    },
    byDepartment: completionRatesBy(current, (p) => p.department).map(({ key, ...tally }) => ({
      department: key,
      ...tally,
    })),
    completionsNeeded: Math.max(0, Math.ceil(request.target * overall.applicable - 1e-9) - overall.completed),
    atRisk: atRisk(current, asOf, calendar).slice(0, request.atRiskLimit),
  };
}

function atRisk(
  procedures: readonly ProcedureForTarget[],
  asOf: LocalDate,
  calendar: WorkingDayCalendar,
): AtRiskProcedure[] {
  const open = procedures.filter((p) => countsTowardsCompletionRate(p.status) && p.status !== 'APPROVED');
  const rank = (p: ProcedureForTarget): [number, string] => {
    if (p.dueDate !== null) return [0, p.dueDate];
    if (p.acceptedOn !== null && p.status === 'SUPPLEMENT_REQUESTED') return [1, p.acceptedOn];
    return [2, p.targetDate ?? '9999-12-31'];
  };
  return [...open]
    .sort((a, b) => {
      const [ga, ka] = rank(a);
      const [gb, kb] = rank(b);
      return ga - gb || ka.localeCompare(kb) || a.procedureId.localeCompare(b.procedureId);
    })
    .map((p) => ({
      procedureId: p.procedureId,
      projectCode: p.projectCode,
      department: p.department,
      status: p.status,
      dueDate: p.dueDate,
      remainingWorkingDays: remainingTo(p.dueDate, asOf, calendar),
    }));
}

function remainingTo(dueDate: string | null, asOf: LocalDate, calendar: WorkingDayCalendar): number | null {
  if (dueDate === null) return null;
  try {
    return calendar.workingDaysBetween(asOf, parseLocalDate(dueDate));
  } catch {
    return null;
  }
}
