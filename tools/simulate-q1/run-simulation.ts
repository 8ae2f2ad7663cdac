import { randomUUID } from 'node:crypto';
import { WorkflowClient } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  addDays,
  buildCalendarSnapshot,
  createChineseWorkingDayCalendar,
  parseQuarter,
  yearOf,
  type CompletionTally,
  type LocalDate,
} from '@banjie/domain';
import {
  clockPausedSignal,
  clockResumedSignal,
  procedureDeadlineWorkflowId,
  procedureEndedSignal,
  quarterTargetWorkflowId,
  shanghaiInstant,
  WORKFLOW_TYPES,
  type DeadlineLadder,
  type ProcedureDeadlineInput,
  type QuarterTargetInput,
  type QuarterTargetResult,
} from '@banjie/workflows';
import { SimulatedClock } from '@banjie/testing';
import type { SimulationOptions } from './options';
import { scheduleProcedures, type ProcedureSchedule } from './pace-model';
import { loadPortfolio, type SimulatedPortfolio } from './portfolio';
import { SimulatedProcedures, stepsByDay, type SimulatedEvent } from './simulated-procedures';
import { simulationActivities, type SimulationLedger } from './simulation-activities';

const SIMULATED_QUARTER = '2023-Q1';
/** The deadline service's default ladder (DEADLINE_REMINDER_WORKING_DAYS, DEADLINE_OFFICIAL_AFTER_WORKING_DAYS, DEADLINE_FIRE_AT). */
const SIMULATED_LADDER: DeadlineLadder = {
  reminderWorkingDaysBefore: [3, 0],
  officialAfterWorkingDays: 5,
  fireAt: '09:00',
};
/** The departments act at midday: after the 09:00 rungs, before the 18:00 checkpoint. */
const STEPS_AT = '12:00';
const CHECKPOINT_AT = '18:00';
/** The quarter workflow concludes at 00:00 after the last day; by 01:00 it has. */
const CONCLUDED_BY = '01:00';
const AT_RISK_LIMIT = 10;
const DAY_MS = 24 * 3600_000;

export interface DailyTally extends CompletionTally {
  date: LocalDate;
}

export interface SimulationRun {
  options: SimulationOptions;
  quarter: string;
  portfolio: Omit<SimulatedPortfolio, 'required'> & { required: number };
  schedules: ProcedureSchedule[];
  /** The completion rate at the end of every day of the quarter. */
  curve: DailyTally[];
  ledger: SimulationLedger;
  result: QuarterTargetResult;
  procedureWorkflows: number;
  durationMs: number;
}

export interface SimulationEnvironment {
  env: TestWorkflowEnvironment;
  bundle: WorkflowBundleWithSourceMap;
  /** Called after every simulated day. */
  onDay?: (day: DailyTally) => void;
}

/**
 * Runs the portfolio through the simulated quarter in the time-skipping environment: the real
 * `quarterTargetWorkflow`, and one real `procedureDeadlineWorkflow` per accepted application,
 * started, paused, resumed and ended as the simulated departments act (at midday of each day).
 */
export async function runQ1Simulation(
  options: SimulationOptions,
  { env, bundle, onDay }: SimulationEnvironment,
): Promise<SimulationRun> {
  const started = Date.now();
  const quarter = parseQuarter(SIMULATED_QUARTER);
  const calendar = createChineseWorkingDayCalendar();
  const { required, ...portfolio } = loadPortfolio(undefined, options.projects);
  const schedules = scheduleProcedures(required, options, quarter.firstDay, calendar);
  const procedures = new SimulatedProcedures(schedules, calendar);
  const steps = stepsByDay(schedules, quarter.lastDay);
  const scheduleOf = new Map(schedules.map((s) => [s.procedure.procedureId, s]));
  const clock = await SimulatedClock.startingAt(env, shanghaiInstant(quarter.firstDay, '00:00'));
  const { activities, ledger } = simulationActivities(clock, procedures, calendar);
  const taskQueue = `simulate-q1:${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities,
  });
  const client = env.client.workflow;
  const curve: DailyTally[] = [];
  const running = new Set<string>();
  let procedureWorkflows = 0;

  const tell = async (event: SimulatedEvent): Promise<void> => {
    const news = procedures.apply(event);
    const workflowId = procedureDeadlineWorkflowId(event.procedureId, 1);
    switch (news.kind) {
      case 'NONE':
        return;
      case 'START': {
        const { procedure } = scheduleOf.get(event.procedureId)!;
        const input: ProcedureDeadlineInput = {
          procedureId: procedure.procedureId,
          projectCode: procedure.projectCode,
          department: procedure.department,
          applicationNumber: 1,
          clock: news.clock,
          ladder: SIMULATED_LADDER,
          calendar: buildCalendarSnapshot(
            calendar,
            yearOf(event.on as LocalDate),
            yearOf(event.on as LocalDate) + 1,
          ),
          correlationId: `simulate-q1:${options.seed}`,
        };
        await client.start(WORKFLOW_TYPES.procedureDeadline, { taskQueue, workflowId, args: [input] });
        running.add(workflowId);
        procedureWorkflows += 1;
        return;
      }
      case 'PAUSED':
        return client.getHandle(workflowId).signal(clockPausedSignal, news.clock);
      case 'RESUMED':
        return client.getHandle(workflowId).signal(clockResumedSignal, news.clock);
      case 'ENDED':
        running.delete(workflowId);
        return client.getHandle(workflowId).signal(procedureEndedSignal, news.end);
    }
  };

  const result = await worker.runUntil(async () => {
    const input: QuarterTargetInput = {
      quarter: quarter.label,
      target: options.target,
      checkpointAt: CHECKPOINT_AT,
      atRiskLimit: AT_RISK_LIMIT,
      catchUpToleranceMs: DAY_MS,
      correlationId: `simulate-q1:${options.seed}`,
    };
    const target = await client.start(WORKFLOW_TYPES.quarterTarget, {
      taskQueue,
      workflowId: quarterTargetWorkflowId(quarter.label),
      args: [input],
    });
    for (let day = quarter.firstDay; day <= quarter.lastDay; day = addDays(day, 1)) {
      await clock.sleepUntil(shanghaiInstant(day, STEPS_AT));
      await Promise.all((steps.get(day) ?? []).map(tell));
      const tally = { date: day, ...procedures.tally() };
      curve.push(tally);
      onDay?.(tally);
    }
    // Skip to just after the conclusion (00:00 after the last day) and read the result with a client that, unlike the
    // time-skipping one, does not let the server run on while it waits: rungs after the quarter never fire.
    await clock.sleepUntil(shanghaiInstant(addDays(quarter.lastDay, 1), CONCLUDED_BY));
    const { status } = await target.describe();
    if (status.name !== 'COMPLETED')
      throw new Error(`the quarter workflow is ${status.name} after the quarter, not COMPLETED`);
    const concluded = (await new WorkflowClient({ connection: env.connection, namespace: env.namespace })
      .getHandle(target.workflowId)
      .result()) as QuarterTargetResult;
    // Nothing of this run may outlive it in the environment (another run may follow in the same one).
    await Promise.all(
      [...running].map((id) => client.getHandle(id).terminate('the simulated quarter is over')),
    );
    return concluded;
  });

  return {
    options,
    quarter: quarter.label,
    portfolio: { ...portfolio, required: required.length },
    schedules,
    curve,
    ledger,
    result,
    procedureWorkflows,
    durationMs: Date.now() - started,
  };
}
