import { Worker } from '@temporalio/worker';
import { parseLocalDate } from '@banjie/domain/workflow-safe';
import type { DeadlineActivities, EscalationRequest } from './activities';
import { recordHistoryIfAsked } from './test/history-recorder';
import { timeSkippingSuite } from '@banjie/testing';
import {
  constructionBeganSignal,
  describeStartOverdue,
  projectStartWatchWorkflow,
  type ProjectStartWatchInput,
} from './project-start-watch.workflow';

const DAY_MS = 24 * 3600 * 1000;

describe('projectStartWatchWorkflow (time-skipping)', () => {
  const suite = timeSkippingSuite();

  async function runWatch(
    taskQueue: string,
    drive: (handle: { signal: (s: typeof constructionBeganSignal) => Promise<void> }) => Promise<void>,
  ) {
    const escalations: EscalationRequest[] = [];
    const activities: Pick<DeadlineActivities, 'millisecondsUntil' | 'currentInstant' | 'raiseEscalation'> = {
      millisecondsUntil: async () => 10 * DAY_MS,
      // When the escalation is raised: 10:00 in Shanghai on 22 March, eleven days after the planned start.
      currentInstant: async () => '2023-03-22T02:00:00.000Z',
      raiseEscalation: async (request) => void escalations.push(request),
    };
    const worker = await Worker.create({
      connection: suite.env().nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle(),
      activities,
    });
    const input: ProjectStartWatchInput = {
      projectCode: 'BJ-2023-0042',
      dueAt: '2023-03-11T16:00:00.000Z',
      graceMs: DAY_MS,
      correlationId: 'c-1',
    };
    const outcome = await worker.runUntil(async () => {
      const handle = await suite.env().client.workflow.start(projectStartWatchWorkflow, {
        taskQueue,
        workflowId: `watch-${taskQueue}`,
        args: [input],
      });
      await drive(handle);
      const result = await handle.result();
      await recordHistoryIfAsked(handle, `project-start-watch.${taskQueue}`);
      return result;
    });
    return { outcome, escalations };
  }

  it('escalates once when construction has not begun ten days later', async () => {
    const { outcome, escalations } = await runWatch('watch-overdue', async () => {
      await suite.env().sleep(11 * DAY_MS);
    });
    expect(outcome).toBe('ESCALATED');
    expect(escalations).toEqual([
      expect.objectContaining({
        subject: 'project:BJ-2023-0042',
        rung: 'START_OVERDUE',
        projectCode: 'BJ-2023-0042',
        correlationId: 'c-1',
      }),
    ]);
  });

  it('says in Chinese, on the day it is raised, how many days late the start is', async () => {
    const { escalations } = await runWatch('watch-overdue-in-chinese', async () => {
      await suite.env().sleep(11 * DAY_MS);
    });
    expect(escalations.map((e) => e.reason)).toEqual([
      'BJ-2023-0042 计划于 2023-03-11 开工，截至 2023-03-22 仍未开工，已逾期 11 天。',
    ]);
    const planned = { projectCode: 'BJ-2023-0042', dueAt: '2023-03-11T16:00:00.000Z' };
    expect(describeStartOverdue(planned, parseLocalDate('2023-03-12'))).toBe(
      'BJ-2023-0042 计划于 2023-03-11 开工，截至 2023-03-12 仍未开工，已逾期 1 天。',
    );
    expect(describeStartOverdue(planned, parseLocalDate('2023-03-11'))).toBe(
      'BJ-2023-0042 计划于 2023-03-11 开工，截至 2023-03-11 仍未开工。',
    );
  });

  it('ends quietly when construction begins before the planned start', async () => {
    const { outcome, escalations } = await runWatch('watch-in-time', async (handle) => {
      await suite.env().sleep(3 * DAY_MS);
      await handle.signal(constructionBeganSignal);
    });
    expect(outcome).toBe('BEGAN_IN_TIME');
    expect(escalations).toEqual([]);
  });

  it('waits out the grace period, so back-dated news of an on-time start still stops the escalation', async () => {
    const { outcome, escalations } = await runWatch('watch-late-news', async (handle) => {
      await suite.env().sleep(10 * DAY_MS + 12 * 3600 * 1000);
      await handle.signal(constructionBeganSignal);
    });
    expect(outcome).toBe('BEGAN_IN_TIME');
    expect(escalations).toEqual([]);
  });
});
