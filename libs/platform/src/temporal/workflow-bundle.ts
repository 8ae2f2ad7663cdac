import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../../..');

/**
 * Bundles libs/workflows once (at worker start, or once per test file). Workflow code may import
 * the pure libraries by their aliases; the bundler is told where they live.
 */
export function bundleBanjieWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'libs/workflows/src/index.ts'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: {
          ...(config.resolve?.alias as Record<string, string> | undefined),
          // Only the enums: a reusable V8 context evaluates the bundle's modules once per cached
          // workflow, and the event schemas (zod) cost about 1 MB of heap per workflow.
          '@banjie/contracts': join(repoRoot, 'libs/contracts/src/enums/index.ts'),
          '@banjie/domain': join(repoRoot, 'libs/domain/src/workflow-safe.ts'),
        },
      },
    }),
    logger: {
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      log: () => undefined,
    },
  });
}
