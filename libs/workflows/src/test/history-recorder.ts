import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';

export const HISTORIES_DIR = join(__dirname, '../../histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history to `libs/workflows/histories/<name>.json`
 * for the replay test; otherwise does nothing.
 */
export async function recordHistoryIfAsked(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  // protobufjs's own toJSON (longs and enums as strings, payload bytes in base64); read back with History.fromObject.
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(await handle.fetchHistory())}\n`);
}
