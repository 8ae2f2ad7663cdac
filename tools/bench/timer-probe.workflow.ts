// A probe workflow for the bench: sleeps on a durable timer and reports when its workflow task
// actually ran after the timer fired (workflow time is the task's start time).
import { sleep } from '@temporalio/workflow';

export async function timerProbeWorkflow(sleepMs: number): Promise<{ scheduledFor: number; ranAt: number }> {
  const scheduledFor = Date.now() + sleepMs;
  await sleep(sleepMs);
  return { scheduledFor, ranAt: Date.now() };
}
