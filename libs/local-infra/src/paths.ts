import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, wherever this file is run from (source or compiled). */
export const repoRoot = resolve(__dirname, '../../..');

/** Downloads and resolved classpaths live outside the clone so a second start is fast. */
export function cacheDir(): string {
  return process.env.BANJIE_CACHE_DIR ?? join(homedir(), '.cache', 'banjie');
}

/** Development data and logs: git-ignored, inside the clone. */
export function localStateDir(): string {
  return process.env.BANJIE_STATE_DIR ?? join(repoRoot, '.banjie');
}
