import { Worker } from '@temporalio/worker';
import type { QuarterReading, QuarterReadingRequest } from './activities';
import {
  describeShortfall,
  quarterTargetQuery,
  quarterTargetWorkflow,
  type QuarterTargetInput,
} from './quarter-target.workflow';
import { recordHistoryIfAsked } from './test/history-recorder';
import { SimulatedClock, timeSkippingSuite } from '@banjie/testing';
import { recordingActivities } from './test/recording-activities';

const DAY_MS = 24 * 3600 * 1000;

/** A reading with `completed` of 100 applicable procedures, and a forecast. */
function reading(request: QuarterReadingRequest, completed: number, forecastRate: number): QuarterReading {
  return {
    quarter: request.quarter,
    asOf: request.asOf,
    target: request.target,
    overall: { applicable: 100, completed, rate: completed / 100 },
    forecast: {
      basis: 'LINEAR_PACE',
      forecastRate,
      pacePerWorkingDay: 1,
      projectedCompleted: forecastRate * 100,
      workingDaysLeft: 10,
    },
    byDepartment: [
      {
        department: 'EEB',
        applicable: 50,
        completed: Math.min(50, completed),
        rate: Math.min(50, completed) / 50,
      },
      {
        department: 'NRB',
        applicable: 50,
        completed: Math.max(0, completed - 50),
        rate: Math.max(0, completed - 50) / 50,
      },
    ],
    completionsNeeded: Math.max(0, Math.ceil(request.target * 100) - completed),
    atRisk: [
      {
        procedureId: 'BJ-2023-0042-EIA',
        projectCode: 'BJ-2023-0042',
        department: 'EEB',
        status: 'ACCEPTED',
        dueDate: '2023-03-20',
        remainingWorkingDays: -2,
      },
    ],
  };
}

describe('quarterTargetWorkflow (time-skipping)', () => {
  const suite = timeSkippingSuite();

  async function runQuarter(
    name: string,
    startAt: string,
    read: (request: QuarterReadingRequest) => QuarterReading,
  ) {
    const clock = await SimulatedClock.startingAt(suite.env(), startAt);
    const recorded = recordingActivities(clock, read);
    const taskQueue = `quarter-${name}`;
    const worker = await Worker.create({
      connection: suite.env().nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle(),
      activities: recorded.activities,
    });
    const input: QuarterTargetInput = {
      quarter: '2023-Q1',
      target: 0.6,
      checkpointAt: '18:00',
      atRiskLimit: 10,
      catchUpToleranceMs: DAY_MS,
      correlationId: `c-${name}`,
    };
    const { result, view } = await worker.runUntil(async () => {
      const handle = await suite.env().client.workflow.start(quarterTargetWorkflow, {
        taskQueue,
        workflowId: `quarter-target:${name}`,
        args: [input],
      });
      const result = await handle.result();
      await recordHistoryIfAsked(handle, `quarter-target.${name}`);
      return { result, view: await handle.query(quarterTargetQuery) };
    });
    return { result, view, ...recorded };
  }

  it('takes a reading every Friday then daily in the last two weeks, at 18:00 Shanghai, and publishes the result after the last day', async () => {
    const started = Date.now();
    // The pace is 1 approval a day from 1 January: the actual rate reaches 0.6 on 1 March, the forecast earlier.
    const progress = (asOf: string) => Math.round((Date.parse(asOf) - Date.parse('2023-01-01')) / DAY_MS);
    const run = await runQuarter('below-then-above', '2023-01-01T08:00:00+08:00', (request) => {
      const done = progress(request.asOf);
      return reading(request, done, Math.min(1, done / 100 + 0.3));
    });
    expect(Date.now() - started).toBeLessThan(60_000); // a quarter of simulated time in seconds

    expect(run.checkpoints).toHaveLength(25);
    expect(run.checkpoints.map((c) => [c.at.slice(0, 16), c.value.reading.asOf])).toEqual(
      expect.arrayContaining([
        ['2023-01-06T10:00', '2023-01-06'],
        ['2023-03-17T10:00', '2023-03-17'],
        ['2023-03-18T10:00', '2023-03-18'],
        ['2023-03-31T10:00', '2023-03-31'],
      ]),
    );
    // Escalated while the actual rate was below 0.6 (up to February), never afterwards.
    const escalatedOn = run.escalations.map((e) => e.value.rung);
    expect(escalatedOn[0]).toBe('CHECKPOINT_2023-01-06');
    expect(escalatedOn[escalatedOn.length - 1]).toBe('CHECKPOINT_2023-02-24');
    expect(escalatedOn).toHaveLength(8);
    expect(run.escalations[0]!.value).toMatchObject({
      subject: 'quarter-target:2023-Q1',
      projectCode: 'PORTFOLIO',
      correlationId: 'c-below-then-above',
      reason: expect.stringContaining('办结率 5%（5/100），预计季末 35%'),
      atRisk: [expect.objectContaining({ procedureId: 'BJ-2023-0042-EIA' })],
    });
    expect(run.checkpoints.filter((c) => c.value.escalated)).toHaveLength(8);

    expect(run.conclusions).toHaveLength(1);
    expect(run.conclusions[0]!.at.slice(0, 16)).toBe('2023-03-31T16:00'); // midnight after 31 March, Shanghai
    expect(run.result).toEqual({
      quarter: '2023-Q1',
      target: 0.6,
      actualRate: 0.89,
      met: true,
      byDepartment: [
        { department: 'EEB', rate: 1, met: true },
        { department: 'NRB', rate: 0.78, met: true },
      ],
    });
    expect(run.view).toMatchObject({ concluded: true, nextCheckpoint: null });
    expect(run.view.checkpoints).toHaveLength(25);
  }, 120_000);

  it('raises nothing when the actual rate and the forecast stay above the target, and reports a department that missed', async () => {
    const run = await runQuarter('always-above', '2023-01-01T08:00:00+08:00', (request) =>
      reading(request, 70, 0.75),
    );
    expect(run.escalations).toEqual([]);
    expect(run.checkpoints.every((c) => !c.value.escalated)).toBe(true);
    expect(run.result).toMatchObject({
      actualRate: 0.7,
      met: true,
      byDepartment: [
        { department: 'EEB', met: true },
        { department: 'NRB', rate: 0.4, met: false },
      ],
    });
  }, 120_000);

  it('escalates on a forecast below the target even when the actual rate is above it', async () => {
    const run = await runQuarter('forecast-below', '2023-03-20T08:00:00+08:00', (request) =>
      reading(request, 62, 0.58),
    );
    // Started at 08:00 on 20 March: the reading of 19 March (18:00, 14 hours late) is still current, older ones are catch-up.
    expect(run.escalations.map((e) => e.value.rung)).toEqual([
      'CHECKPOINT_2023-03-19',
      'CHECKPOINT_2023-03-20',
      'CHECKPOINT_2023-03-21',
      'CHECKPOINT_2023-03-22',
      'CHECKPOINT_2023-03-23',
      'CHECKPOINT_2023-03-24',
      'CHECKPOINT_2023-03-25',
      'CHECKPOINT_2023-03-26',
      'CHECKPOINT_2023-03-27',
      'CHECKPOINT_2023-03-28',
      'CHECKPOINT_2023-03-29',
      'CHECKPOINT_2023-03-30',
      'CHECKPOINT_2023-03-31',
    ]);
    expect(run.checkpoints).toHaveLength(25);
    expect(run.checkpoints.filter((c) => c.value.escalated)).toHaveLength(13);
  }, 120_000);

  it('says its shortfall in Chinese: the rates as percentages, and how many approvals the target still needs', async () => {
    const run = await runQuarter('shortfall-in-chinese', '2023-03-30T08:00:00+08:00', (request) => ({
      ...reading(request, 59, 0.59),
      completionsNeeded: 1,
    }));
    expect(run.escalations.map((e) => [e.value.rung, e.value.reason])).toContainEqual([
      'CHECKPOINT_2023-03-30',
      '2023-Q1 截至 2023-03-30：办结率 59%（59/100），预计季末 59%；目标 60%，还需办结 1 项手续。',
    ]);
    const request = { quarter: '2023-Q1', asOf: '2023-03-10', target: 0.6, atRiskLimit: 10 };
    const unforecast = reading(request, 5, 0);
    unforecast.overall = { applicable: 694, completed: 385, rate: 385 / 694 };
    unforecast.forecast.forecastRate = null;
    unforecast.completionsNeeded = 32;
    expect(describeShortfall(unforecast)).toBe(
      '2023-Q1 截至 2023-03-10：办结率 55.5%（385/694），暂无季末预测；目标 60%，还需办结 32 项手续。',
    );
    expect(describeShortfall({ ...reading(request, 61, 0.55), completionsNeeded: 0 })).toBe(
      '2023-Q1 截至 2023-03-10：办结率 61%（61/100），预计季末 55%；目标 60%，当前已达标，但按目前进度季末将低于目标。',
    );
  }, 120_000);
});
