import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../../..');

/** The file name of the workflow bundle `npm run build` writes next to the deadline worker's compiled workflow source. */
export const PREBUILT_WORKFLOW_BUNDLE = 'workflow-bundle.js';

/**
 * Bundles libs/workflows once (at worker start, or once per test file). Workflow code imports
 * @banjie/contracts/enums and @banjie/domain/workflow-safe, nothing else of ours.
 */
export function bundleBanjieWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'libs/workflows/src/index.ts'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        // Exactly the entry points made for the sandbox (tsconfig.base.json names them too); any
        // other @banjie import fails to bundle. Only the enums of the contracts: a reusable V8
        // context evaluates the bundle's modules once per cached workflow, and the event schemas
        // (zod) cost about 1 MB of heap per workflow.
        alias: {
          ...(config.resolve?.alias as Record<string, string> | undefined),
          '@banjie/contracts/enums$': join(repoRoot, 'libs/contracts/src/enums/index.ts'),
          '@banjie/domain/workflow-safe$': join(repoRoot, 'libs/domain/src/workflow-safe.ts'),
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
