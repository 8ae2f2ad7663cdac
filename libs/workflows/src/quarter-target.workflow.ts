import { defineQuery, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { addDays, parseQuarter, quarterCheckpoints } from '@banjie/domain/workflow-safe';
import type { DeadlineActivities, QuarterReading } from './activities';
import { shanghaiInstant } from './shanghai-time';

export interface QuarterTargetInput {
  /** '2023-Q1' */
  quarter: string;
  /** The completion rate to reach by the quarter's last day, e.g. 0.6. */
  target: number;
  /** The wall time in Asia/Shanghai of each checkpoint reading, 'HH:MM' (after office hours, so the day's approvals count). */
  checkpointAt: string;
  /** Measure the pace over the last this-many working days only (default: since the quarter began). */
  forecastWindowWorkingDays?: number;
  /** How many procedures a target escalation names. */
  atRiskLimit: number;
  /** A checkpoint reached later than this (the workflow started mid-quarter) is recorded but not escalated. */
  catchUpToleranceMs: number;
  correlationId: string;
}

export interface CheckpointSummary {
  asOf: string;
  actualRate: number | null;
  forecastRate: number | null;
  escalated: boolean;
}

export interface QuarterTargetView {
  quarter: string;
  target: number;
  checkpoints: CheckpointSummary[];
  nextCheckpoint: string | null;
  concluded: boolean;
}

export interface QuarterTargetResult {
  quarter: string;
  target: number;
  actualRate: number | null;
  met: boolean | null;
  byDepartment: { department: string; rate: number | null; met: boolean | null }[];
}

export const quarterTargetQuery = defineQuery<QuarterTargetView>('quarterTarget');

const activities = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Below target when the actual rate, or the forecast for the quarter's end, is under it (no rate: nothing to judge). */
export function isBelowTarget(reading: QuarterReading): boolean {
  const { rate } = reading.overall;
  if (rate === null) return false;
  const forecast = reading.forecast.forecastRate;
  return rate < reading.target || (forecast !== null && forecast < reading.target);
}

const metTarget = (rate: number | null, target: number): boolean | null =>
  rate === null ? null : rate >= target;

/**
 * Watches a quarter's completion-rate target from its first day to its last (Asia/Shanghai): at every
 * checkpoint (Fridays, then daily over the last two weeks) it reads the actual rate and the
 * forecast, escalates to the supervisors when either is below the target, naming the procedures
 * most likely to change the result; at the end of the last day it publishes the final result.
 */
export async function quarterTargetWorkflow(input: QuarterTargetInput): Promise<QuarterTargetResult> {
  const quarter = parseQuarter(input.quarter);
  const checkpoints: CheckpointSummary[] = [];
  let nextCheckpoint: string | null = null;
  let concluded = false;
  setHandler(quarterTargetQuery, () => ({
    quarter: quarter.label,
    target: input.target,
    checkpoints: [...checkpoints],
    nextCheckpoint,
    concluded,
  }));

  const waitUntil = async (instant: string): Promise<number> => {
    const late = Date.parse(await activities.currentInstant()) - Date.parse(instant);
    if (late < 0) await sleep(-late);
    return Math.max(0, late);
  };
  const read = (asOf: string) =>
    activities.readQuarterTarget({
      quarter: quarter.label,
      asOf,
      target: input.target,
      atRiskLimit: input.atRiskLimit,
      ...(input.forecastWindowWorkingDays === undefined
        ? {}
        : { forecastWindowWorkingDays: input.forecastWindowWorkingDays }),
    });

  for (const checkpoint of quarterCheckpoints(quarter)) {
    nextCheckpoint = checkpoint;
    const late = await waitUntil(shanghaiInstant(checkpoint, input.checkpointAt));
    const reading = await read(checkpoint);
    const escalate = late <= input.catchUpToleranceMs && isBelowTarget(reading);
    if (escalate) {
      await activities.raiseEscalation({
        subject: `quarter-target:${quarter.label}`,
        rung: `CHECKPOINT_${checkpoint}`,
        projectCode: 'PORTFOLIO',
        // Histories recorded before the text was Chinese keep their English reason on replay.
        reason: patched(SHORTFALL_IN_CHINESE)
          ? describeShortfall(reading)
          : describeShortfallInEnglish(reading),
        correlationId: input.correlationId,
        atRisk: reading.atRisk,
      });
    }
    await activities.recordQuarterCheckpoint(reading, escalate);
    checkpoints.push({
      asOf: checkpoint,
      actualRate: reading.overall.rate,
      forecastRate: reading.forecast.forecastRate,
      escalated: escalate,
    });
  }

  nextCheckpoint = null;
  await waitUntil(shanghaiInstant(addDays(quarter.lastDay, 1), '00:00'));
  const final = await read(quarter.lastDay);
  await activities.concludeQuarterTarget(final);
  concluded = true;
  return {
    quarter: quarter.label,
    target: input.target,
    actualRate: final.overall.rate,
    met: metTarget(final.overall.rate, input.target),
    byDepartment: final.byDepartment.map((d) => ({
      department: d.department,
      rate: d.rate,
      met: metTarget(d.rate, input.target),
    })),
  };
}

/** The patch under which a target escalation says its shortfall in Chinese. */
export const SHORTFALL_IN_CHINESE = 'quarter-target-shortfall-in-chinese';

/** "55.5%": a rate as a percentage, to a tenth at most. */
export function asPercent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** What a target escalation says, in Chinese: the rate as of the checkpoint, the forecast, and how many approvals the target still needs. */
export function describeShortfall(reading: QuarterReading): string {
  const { overall, forecast, target } = reading;
  const rate = overall.rate === null ? '暂无' : asPercent(overall.rate);
  const forecastText =
    forecast.forecastRate === null ? '暂无季末预测' : `预计季末 ${asPercent(forecast.forecastRate)}`;
  const needed =
    reading.completionsNeeded > 0
      ? `还需办结 ${reading.completionsNeeded} 项手续`
      : '当前已达标，但按目前进度季末将低于目标';
  return `${reading.quarter} 截至 ${reading.asOf}：办结率 ${rate}（${overall.completed}/${overall.applicable}），${forecastText}；目标 ${asPercent(target)}，${needed}。`;
}

/** The text as first written, for workflows that escalated before SHORTFALL_IN_CHINESE. */
function describeShortfallInEnglish(reading: QuarterReading): string {
  const { overall, forecast, target } = reading;
  const forecastText =
    forecast.forecastRate === null
      ? 'no forecast yet'
      : `forecast ${forecast.forecastRate} for the quarter's end`;
  return (
    `${reading.quarter} on ${reading.asOf}: completion rate ${overall.rate} (${overall.completed}/${overall.applicable}), ${forecastText}; ` +
    `target ${target}, ${reading.completionsNeeded} more approvals needed`
  );
}
