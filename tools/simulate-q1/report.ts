import type { AtRiskProcedure } from '@banjie/contracts';
import { procedureClock, type LocalDate, type WorkingDayCalendar } from '@banjie/domain';
import type { ProcedureSchedule } from './pace-model';
import type { SimulationRun } from './run-simulation';

export interface CheckpointRow {
  date: string;
  actual: number | null;
  forecast: number | null;
  target: number;
  completed: number;
  applicable: number;
  pacePerWorkingDay: number | null;
  completionsNeeded: number;
  escalated: boolean;
}

export interface EscalationRow {
  /** The simulated instant (ISO 8601, UTC). */
  time: string;
  rung: string;
  subject: string;
  projectCode: string;
  procedureId: string | null;
  department: string | null;
  dueDate: string | null;
  reason: string;
  atRisk?: AtRiskProcedure[];
}

export interface Q1SimulationReport {
  quarter: string;
  target: number;
  parameters: {
    seed: number;
    pace: number;
    paceByDepartment: Record<string, number>;
    spread: number;
    submitEarlyWorkingDays: number;
    supplementShare: number;
    projects: number;
    planItems: number;
    requiredProcedures: number;
  };
  run: { simulatedDays: number; procedureWorkflows: number; seconds: number };
  /** The completion rate at the end of every day (approved ÷ required, the whole portfolio from 1 January). */
  curve: { date: string; workingDay: boolean; completed: number; applicable: number; rate: number | null }[];
  checkpoints: CheckpointRow[];
  escalations: EscalationRow[];
  reminders: { total: number; byRung: Record<string, number> };
  procedures: {
    required: number;
    submittedInQuarter: number;
    submittedByMonth: Record<string, number>;
    accepted: number;
    supplementRequests: number;
    approved: number;
    approvedInTime: number;
    approvedLate: number;
    openAtQuarterEnd: number;
  };
  result: {
    actual: number | null;
    met: boolean | null;
    completed: number;
    applicable: number;
    byDepartment: {
      department: string;
      completed: number;
      applicable: number;
      rate: number | null;
      met: boolean | null;
    }[];
  };
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>(
    (counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }),
    {},
  );

function dueDateOf(s: ProcedureSchedule, calendar: WorkingDayCalendar): LocalDate | null {
  const pauses = s.supplement ? [{ from: s.supplement.requestedOn, to: s.supplement.resubmittedOn }] : [];
  return procedureClock({
    acceptedOn: s.acceptedOn,
    committedWorkingDays: s.procedure.committedWorkingDays,
    pauses,
  }).dueDate(calendar);
}

/** The JSON report of a run: the curve, the forecast at each checkpoint, every escalation, the result by department. */
export function buildReport(run: SimulationRun, calendar: WorkingDayCalendar): Q1SimulationReport {
  const { options, ledger, result, schedules } = run;
  const lastDay = run.curve[run.curve.length - 1]!.date;
  const within = (day: LocalDate) => day <= lastDay;
  const approved = schedules.filter((s) => within(s.approvedOn));
  const approvedInTime = approved.filter((s) => s.approvedOn <= dueDateOf(s, calendar)!).length;
  const final = ledger.conclusion;
  if (final === null) throw new Error('the quarter workflow ended without concluding');
  const metOf = new Map(result.byDepartment.map((d) => [d.department, d.met]));
  return {
    quarter: run.quarter,
    target: options.target,
    parameters: {
      seed: options.seed,
      pace: options.pace,
      paceByDepartment: { ...options.paceByDepartment },
      spread: options.spread,
      submitEarlyWorkingDays: options.submitEarlyWorkingDays,
      supplementShare: options.supplementShare,
      projects: run.portfolio.projects,
      planItems: run.portfolio.planItems,
      requiredProcedures: run.portfolio.required,
    },
    run: {
      simulatedDays: run.curve.length,
      procedureWorkflows: run.procedureWorkflows,
      seconds: Math.round(run.durationMs / 100) / 10,
    },
    curve: run.curve.map(({ date, completed, applicable, rate: dayRate }) => ({
      date,
      workingDay: calendar.isWorkingDay(date),
      completed,
      applicable,
      rate: dayRate,
    })),
    checkpoints: ledger.checkpoints.map(({ reading, escalated }) => ({
      date: reading.asOf,
      actual: reading.overall.rate,
      forecast: reading.forecast.forecastRate,
      target: reading.target,
      completed: reading.overall.completed,
      applicable: reading.overall.applicable,
      pacePerWorkingDay: reading.forecast.pacePerWorkingDay,
      completionsNeeded: reading.completionsNeeded,
      escalated,
    })),
    escalations: ledger.escalations.map((e) => ({
      time: e.at,
      rung: e.rung,
      subject: e.subject,
      projectCode: e.projectCode,
      procedureId: e.procedureId,
      department: e.department,
      dueDate: e.dueDate,
      reason: e.reason,
      ...(e.atRisk ? { atRisk: e.atRisk } : {}),
    })),
    reminders: { total: ledger.reminders.length, byRung: countBy(ledger.reminders, (r) => r.rung) },
    procedures: {
      required: schedules.length,
      submittedInQuarter: schedules.filter((s) => within(s.submittedOn)).length,
      submittedByMonth: countBy(
        [...schedules].sort((a, b) => a.submittedOn.localeCompare(b.submittedOn)),
        (s) => (within(s.submittedOn) ? s.submittedOn.slice(0, 7) : 'after the quarter'),
      ),
      accepted: run.procedureWorkflows,
      supplementRequests: schedules.filter((s) => s.supplement !== null && within(s.supplement.requestedOn))
        .length,
      approved: approved.length,
      approvedInTime,
      approvedLate: approved.length - approvedInTime,
      openAtQuarterEnd: schedules.length - approved.length,
    },
    result: {
      actual: final.overall.rate,
      met: result.met,
      completed: final.overall.completed,
      applicable: final.overall.applicable,
      byDepartment: final.byDepartment.map((d) => ({
        department: d.department,
        completed: d.completed,
        applicable: d.applicable,
        rate: d.rate,
        met: metOf.get(d.department) ?? null,
      })),
    },
  };
}

/** A rate as a percentage for people ('84.5 %'), or '—' when there is none. */
export const percent = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)} %`;

/** The few lines the command prints. */
export function summarize(report: Q1SimulationReport): string {
  const { parameters: p, result, procedures } = report;
  const overrides = Object.entries(p.paceByDepartment).map(([department, pace]) => `${department} ${pace}`);
  const escalated = report.checkpoints.filter((c) => c.escalated);
  const firstMet = report.checkpoints.find((c) => c.actual !== null && c.actual >= report.target);
  return [
    `${report.quarter} simulation: ${p.projects} projects, ${p.requiredProcedures} required procedures, seed ${p.seed}, pace ${p.pace}${overrides.length ? ` (${overrides.join(', ')})` : ''}`,
    `final completion rate ${percent(result.actual)} (${result.completed}/${result.applicable}) — target ${percent(report.target)} ${result.met ? 'MET' : 'MISSED'}`,
    `by department: ${result.byDepartment.map((d) => `${d.department} ${percent(d.rate)}${d.met ? '' : ' (missed)'}`).join(', ')}`,
    `checkpoints: ${report.checkpoints.length}, below target at ${escalated.length}${firstMet ? `; actual rate reached the target on ${firstMet.date}` : ''}`,
    `escalations: ${report.escalations.length} (${Object.entries(
      countBy(report.escalations, (e) => (e.rung.startsWith('CHECKPOINT_') ? 'CHECKPOINT' : e.rung)),
    )
      .map(([rung, n]) => `${rung} ${n}`)
      .join(', ')}); reminders: ${report.reminders.total}`,
    `procedures: ${procedures.approved} approved (${procedures.approvedLate} late), ${procedures.openAtQuarterEnd} still open; ${procedures.supplementRequests} supplement requests`,
    `${report.run.procedureWorkflows} procedure clock workflows; ${report.run.simulatedDays} simulated days in ${report.run.seconds} s`,
  ].join('\n');
}
