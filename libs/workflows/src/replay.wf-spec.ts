import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { bundleBanjieWorkflows, installTemporalRuntime } from '@banjie/platform/temporal';
import { HISTORIES_DIR } from './test/history-recorder';

/**
 * Replays the recorded histories in libs/workflows/histories against the current workflow code: a
 * change that would make a running workflow take a different path (non-determinism) fails here.
 * Re-record (after an intended, versioned change) with
 *   RECORD_HISTORIES=1 npx jest --selectProjects workflows --runInBand --testPathPatterns 'acceptance-window|procedure-deadline|quarter-target|project-start-watch'
 */
describe('replay of recorded workflow histories', () => {
  const files = readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort();
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installTemporalRuntime();
    bundle = await bundleBanjieWorkflows();
  }, 120_000);

  it('has histories of every workflow type to replay', () => {
    const types = new Set(files.map((file) => file.split('.')[0]));
    expect([...types].sort()).toEqual([
      'acceptance-window',
      'procedure-deadline',
      'project-start-watch',
      'quarter-target',
    ]);
  });

  it('replays every recorded history without a determinism violation', async () => {
    const histories = files.map((file) => ({
      workflowId: file,
      history: temporal.api.history.v1.History.fromObject(
        JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')),
      ),
    }));
    const replayed: string[] = [];
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
      replayed.push(result.workflowId);
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toEqual(files);
  }, 120_000);
});
