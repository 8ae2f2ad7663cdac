import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { MissingToolError } from './tools';

/** Debian's Chromium: the browser the board's end-to-end test drives (never a downloaded one). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.BANJIE_CHROMIUM ?? DEBIAN_CHROMIUM;
}

function aptGet(args: string[]): boolean {
  return (
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

/** Without a CJK font the board's Chinese labels render as empty boxes. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * Installs Debian's chromium and CJK font packages when they are missing and we may (root with
 * apt-get); otherwise says what to do.
 */
export function ensureChromium(): string {
  const path = chromiumPath();
  const missing = [
    ...(existsSync(path) ? [] : ['chromium']),
    ...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk']),
  ];
  if (missing.length === 0) return path;
  const isRoot = process.getuid?.() === 0;
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  if (isRoot && (aptGet(install) || (aptGet(['update']) && aptGet(install))) && existsSync(path)) return path;
  throw new MissingToolError(
    `banjie: ${missing.join(' and ')} missing — install Debian's packages (apt-get install ${missing.join(' ')}) or set BANJIE_CHROMIUM`,
  );
}
