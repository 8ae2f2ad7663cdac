import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { MissingToolError } from './tools';

/** Debian's Chromium: the browser the board's end-to-end test drives (never a downloaded one). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.BANJIE_CHROMIUM ?? DEBIAN_CHROMIUM;
}

function aptGet(args: string[]): boolean {
  return spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

/** Installs Debian's chromium package when it is missing and we may (root with apt-get); otherwise says what to do. */
export function ensureChromium(): string {
  const path = chromiumPath();
  if (existsSync(path)) return path;
  const isRoot = process.getuid?.() === 0;
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  if (isRoot && (aptGet(install) || (aptGet(['update']) && aptGet(install))) && existsSync(path)) return path;
  throw new MissingToolError(`banjie: Chromium was not found at ${path} — install Debian's package (apt-get install chromium) or set BANJIE_CHROMIUM`);
}
