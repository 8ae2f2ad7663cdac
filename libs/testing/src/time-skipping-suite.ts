import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleBanjieWorkflows } from '@banjie/platform/temporal';
import { createTimeSkippingEnvironment } from './time-skipping';

/** One time-skipping environment and one workflow bundle per test file, torn down after it. */
export function timeSkippingSuite(): {
  env(): TestWorkflowEnvironment;
  bundle(): WorkflowBundleWithSourceMap;
} {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleWithSourceMap | undefined;
  beforeAll(async () => {
    [env, bundle] = await Promise.all([createTimeSkippingEnvironment(), bundleBanjieWorkflows()]);
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });
  return { env: () => env!, bundle: () => bundle! };
}
