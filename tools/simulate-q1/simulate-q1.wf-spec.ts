import {
  createChineseWorkingDayCalendar,
  parseQuarter,
  procedureClock,
  quarterCheckpoints,
  shanghaiLocalDate,
} from '@banjie/domain';
import { shanghaiInstant } from '@banjie/workflows';
import { timeSkippingSuite } from '@banjie/testing';
import { DEFAULT_OPTIONS, type SimulationOptions } from './options';
import type { ProcedureSchedule } from './pace-model';
import { buildReport } from './report';
import { renderReportHtml } from './report-html';
import { runQ1Simulation, type SimulationRun } from './run-simulation';

const calendar = createChineseWorkingDayCalendar();
const Q1 = parseQuarter('2023-Q1');

const dueDateOf = (s: ProcedureSchedule) =>
  procedureClock({
    acceptedOn: s.acceptedOn,
    committedWorkingDays: s.procedure.committedWorkingDays,
    pauses: s.supplement ? [{ from: s.supplement.requestedOn, to: s.supplement.resubmittedOn }] : [],
  }).dueDate(calendar)!;

/** What every run must show, whatever the pace: the workflows and the model agree, in Chinese working days. */
function expectConsistentQuarter(run: SimulationRun): void {
  expect(run.curve.map((d) => d.date)).toHaveLength(90);
  for (let i = 1; i < run.curve.length; i += 1) {
    expect(run.curve[i]!.completed).toBeGreaterThanOrEqual(run.curve[i - 1]!.completed);
    expect(run.curve[i]!.rate!).toBeGreaterThanOrEqual(run.curve[i - 1]!.rate!);
  }
  // The real quarter workflow read every checkpoint at 18:00 Shanghai, and its actual rate is the model's on that day.
  expect(run.ledger.checkpoints.map((c) => c.reading.asOf)).toEqual(quarterCheckpoints(Q1));
  for (const checkpoint of run.ledger.checkpoints) {
    expect(checkpoint.at.slice(0, 16)).toBe(shanghaiInstant(checkpoint.reading.asOf, '18:00').slice(0, 16));
    expect(checkpoint.reading.overall.rate).toBe(
      run.curve.find((d) => d.date === checkpoint.reading.asOf)!.rate,
    );
  }
  const last = run.ledger.checkpoints[run.ledger.checkpoints.length - 1]!.reading;
  expect(last.forecast.forecastRate).toBe(last.overall.rate); // no working day left to extrapolate over
  expect(run.result.actualRate).toBe(run.curve[run.curve.length - 1]!.rate);

  // Every rung of the procedure clocks fired at 09:00 Shanghai on a working day — never in the Spring Festival week.
  const rungs = [...run.ledger.reminders, ...run.ledger.escalations.filter((e) => e.procedureId !== null)];
  for (const rung of rungs) {
    const day = shanghaiLocalDate(new Date(rung.at));
    expect(calendar.isWorkingDay(day)).toBe(true);
    expect(rung.at.slice(0, 16)).toBe(shanghaiInstant(day, '09:00').slice(0, 16));
  }

  // Exactly the applications whose clock ran past the due date (before their approval and within the quarter) were escalated, once each.
  const overdue = run.schedules
    .filter((s) => s.acceptedOn <= Q1.lastDay)
    .filter((s) => {
      const firstOverdueDay = calendar.addWorkingDays(dueDateOf(s), 1);
      return firstOverdueDay <= s.approvedOn && firstOverdueDay <= Q1.lastDay;
    })
    .map((s) => s.procedure.procedureId)
    .sort();
  const escalated = run.ledger.escalations.filter((e) => e.rung === 'OVERDUE_SUPERVISOR');
  expect(escalated.map((e) => e.procedureId).sort()).toEqual(overdue);
  for (const e of escalated) {
    const s = run.schedules.find((candidate) => candidate.procedure.procedureId === e.procedureId)!;
    expect(shanghaiLocalDate(new Date(e.at))).toBe(calendar.addWorkingDays(dueDateOf(s), 1));
  }
}

describe('npm run simulate-q1 (time-skipping, the first 10 projects of the portfolio, fixed seed)', () => {
  const suite = timeSkippingSuite();
  const simulate = (options: Partial<SimulationOptions>) =>
    runQ1Simulation(
      { ...DEFAULT_OPTIONS, projects: 10, seed: 20230328, ...options },
      { env: suite.env(), bundle: suite.bundle() },
    );

  it('fast departments meet the 60 % target: nothing overdue, and the last checkpoints raise nothing', async () => {
    const run = await simulate({ pace: 0.4, spread: 0.2 });
    expect(run.portfolio).toEqual({ projects: 10, planItems: 110, required: 39 });
    expectConsistentQuarter(run);
    expect(run.result.met).toBe(true);
    expect(run.result.actualRate!).toBeGreaterThanOrEqual(0.6);
    expect(run.ledger.conclusion?.overall.rate).toBe(run.result.actualRate);
    expect(run.ledger.escalations.filter((e) => e.rung.startsWith('OVERDUE_'))).toEqual([]);
    const lastCheckpoints = run.ledger.checkpoints.filter((c) => c.reading.asOf >= '2023-03-24');
    expect(lastCheckpoints.every((c) => !c.escalated)).toBe(true);
    expect(run.ledger.reminders.length).toBeGreaterThan(0);
    expect(run.durationMs).toBeLessThan(60_000);
  }, 120_000);

  it('slow departments miss it: overdue clocks escalate to the supervisors and the leading official, checkpoints escalate to the end', async () => {
    const run = await simulate({ pace: 2.5 });
    expectConsistentQuarter(run);
    expect(run.result.met).toBe(false);
    expect(run.result.actualRate!).toBeLessThan(0.6);
    const rungs = new Set(run.ledger.escalations.map((e) => e.rung));
    expect([...rungs]).toEqual(
      expect.arrayContaining(['OVERDUE_SUPERVISOR', 'OVERDUE_LEADING_OFFICIAL', 'CHECKPOINT_2023-03-31']),
    );
    const finalEscalation = run.ledger.escalations.find((e) => e.rung === 'CHECKPOINT_2023-03-31')!;
    expect(finalEscalation).toMatchObject({
      subject: 'quarter-target:2023-Q1',
      projectCode: 'PORTFOLIO',
      reason: expect.stringContaining('目标 60%'),
    });
    expect(finalEscalation.atRisk!.length).toBeGreaterThan(0);

    const report = buildReport(run, calendar);
    expect(report.result).toMatchObject({ met: false, applicable: 39 });
    expect(report.escalations).toHaveLength(run.ledger.escalations.length);
    expect(report.procedures.approved + report.procedures.openAtQuarterEnd).toBe(39);
    const html = renderReportHtml(report);
    expect(html).toContain('未达标 MISSED');
    expect(html.match(/<polyline class="actual" points="([^"]*)"/)![1]!.split(' ')).toHaveLength(90);
    expect(html).toContain(`Escalations (${report.escalations.length})`);
  }, 120_000);
});
