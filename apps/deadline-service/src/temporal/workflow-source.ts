import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { bundleBanjieWorkflows, PREBUILT_WORKFLOW_BUNDLE } from '@banjie/platform/temporal';

/**
 * The workflow code for the worker. A compiled build carries the bundle made at build time, so
 * the service neither runs webpack at boot nor keeps the bundler's modules and garbage resident
 * (tens of MB of RSS); run from sources, there is no such file and the workflows are bundled now.
 */
export async function workflowBundle(): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  const prebuilt = join(__dirname, PREBUILT_WORKFLOW_BUNDLE);
  return existsSync(prebuilt) ? { codePath: prebuilt } : bundleBanjieWorkflows();
}
