import {
  condition,
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { daysBetween, shanghaiLocalDate, type LocalDate } from '@banjie/domain/workflow-safe';
import type { DeadlineActivities } from './activities';

export interface ProjectStartWatchInput {
  projectCode: string;
  /** The instant construction was committed to begin: the end of the planned-start day, Asia/Shanghai. */
  dueAt: string;
  /**
   * How long past the due moment to wait before escalating: news that construction began on time
   * (a back-dated lifecycle entry) may arrive just after the deadline.
   */
  graceMs: number;
  correlationId: string;
}

export type ProjectStartWatchOutcome = 'BEGAN_IN_TIME' | 'ESCALATED' | 'CLOSED';

export const constructionBeganSignal = defineSignal('constructionBegan');
/** The project left the list (cancelled, removed): nothing to watch any more. */
export const watchClosedSignal = defineSignal('watchClosed');
export const startWatchStatusQuery = defineQuery<ProjectStartWatchOutcome | 'WATCHING'>('status');

const activities = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Watches a project's committed start (开工 / 复工): if construction has not begun by the end of
 * its planned-start day, supervisors get an escalation.
 */
export async function projectStartWatchWorkflow(
  input: ProjectStartWatchInput,
): Promise<ProjectStartWatchOutcome> {
  let began = false;
  let closed = false;
  let status: ProjectStartWatchOutcome | 'WATCHING' = 'WATCHING';
  setHandler(constructionBeganSignal, () => void (began = true));
  setHandler(watchClosedSignal, () => void (closed = true));
  setHandler(startWatchStatusQuery, () => status);

  const waitMs = (await activities.millisecondsUntil(input.dueAt)) + input.graceMs;
  const settledInTime = waitMs > 0 ? await condition(() => began || closed, waitMs) : began || closed;
  if (settledInTime) {
    status = began ? 'BEGAN_IN_TIME' : 'CLOSED';
    return status;
  }
  await activities.raiseEscalation({
    subject: `project:${input.projectCode}`,
    rung: 'START_OVERDUE',
    projectCode: input.projectCode,
    // Histories recorded before the text was Chinese keep their English reason (and no time reading) on replay.
    reason: patched(START_OVERDUE_IN_CHINESE)
      ? describeStartOverdue(input, shanghaiLocalDate(new Date(await activities.currentInstant())))
      : `construction of ${input.projectCode} had not begun by its planned start (${input.dueAt})`,
    correlationId: input.correlationId,
  });
  status = 'ESCALATED';
  return status;
}

/** The patch under which a start-watch escalation says, in Chinese, how late the start is on the day it is raised. */
export const START_OVERDUE_IN_CHINESE = 'start-watch-overdue-in-chinese';

/** What a start-watch escalation says, in Chinese: the planned start day and, as of `raisedOn`, the calendar days since. */
export function describeStartOverdue(
  input: Pick<ProjectStartWatchInput, 'projectCode' | 'dueAt'>,
  raisedOn: LocalDate,
): string {
  // `dueAt` is the end of the planned-start day: its last millisecond still falls on that day.
  const plannedStart = shanghaiLocalDate(new Date(Date.parse(input.dueAt) - 1));
  const late = daysBetween(plannedStart, raisedOn);
  const lateness = late > 0 ? `，已逾期 ${late} 天` : '';
  return `${input.projectCode} 计划于 ${plannedStart} 开工，截至 ${raisedOn} 仍未开工${lateness}。`;
}
