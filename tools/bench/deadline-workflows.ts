// Deadline workflows at scale: how fast the deadline service turns a backlog of accepted
// applications into running procedureDeadlineWorkflows, and how late durable timers fire meanwhile.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '@banjie/platform/temporal';
import { WORKFLOW_TYPES } from '@banjie/workflows';
import { distribution, round, type Distribution } from './stats';

const PROBE_QUEUE = 'bench-timer-probe';

export async function countDeadlineWorkflows(client: Client): Promise<number> {
  return (await client.workflow.count(`WorkflowType = "${WORKFLOW_TYPES.procedureDeadline}"`)).count;
}

export async function temporalClient(address: string): Promise<{ client: Client; close(): Promise<void> }> {
  const connection = await Connection.connect({ address });
  return { client: new Client({ connection }), close: () => connection.close() };
}

/** Seconds from `since` until the count of deadline workflows reaches each milestone (null if not within `limitSeconds`). */
export async function timeToWorkflowCounts(
  client: Client,
  since: number,
  baseline: number,
  milestones: readonly number[],
  limitSeconds: number,
): Promise<Record<number, number | null>> {
  const reached: Record<number, number | null> = Object.fromEntries(milestones.map((m) => [m, null]));
  const highest = Math.max(...milestones);
  for (;;) {
    const started = (await countDeadlineWorkflows(client)) - baseline;
    const seconds = round((Date.now() - since) / 1000);
    for (const milestone of milestones)
      if (reached[milestone] === null && started >= milestone) reached[milestone] = seconds;
    if (started >= highest || Date.now() - since > limitSeconds * 1000) return reached;
    await sleep(250);
  }
}

export interface TimerProbe {
  /** Waits for every probe and returns how late each timer ran, in ms. */
  lateness(): Promise<Distribution>;
}

/** Starts a probe worker and `count` probe workflows whose timers fire spread over `spreadSeconds`. */
export async function startTimerProbes(
  address: string,
  client: Client,
  count: number,
  spreadSeconds: number,
): Promise<TimerProbe> {
  installTemporalRuntime();
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue: PROBE_QUEUE,
    workflowsPath: join(__dirname, 'timer-probe.workflow.ts'),
  });
  const running = worker.run();
  const handles = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      client.workflow.start('timerProbeWorkflow', {
        taskQueue: PROBE_QUEUE,
        workflowId: `bench-timer-probe-${randomUUID()}`,
        args: [Math.round(((index + 1) / count) * spreadSeconds * 1000)],
      }),
    ),
  );
  return {
    async lateness() {
      const results = await Promise.all(
        handles.map((handle) => handle.result() as Promise<{ scheduledFor: number; ranAt: number }>),
      );
      worker.shutdown();
      await running;
      await connection.close();
      return distribution(results.map(({ scheduledFor, ranAt }) => ranAt - scheduledFor));
    },
  };
}
