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
          '@banjie/contracts': join(repoRoot, 'libs/contracts/src/index.ts'),
          '@banjie/domain': join(repoRoot, 'libs/domain/src/workflow-safe.ts'),
        },
      },
    }),
    logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined },
  });
}
