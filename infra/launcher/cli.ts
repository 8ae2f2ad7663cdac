// Local infrastructure without Docker: `npm run infra -- <prepare|up|down|status>`.
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  MissingToolError,
  ensureChromium,
  ensureTemporalCli,
  kafkaClasspath,
  prepareTemporalTestServer,
  repoRoot,
  waitUntil,
} from '@banjie/local-infra';
import { infraStatus } from './infra-status';
import { localPaths } from './local-environment';

function printStatus(components: Awaited<ReturnType<typeof infraStatus>>): void {
  for (const component of components) {
    process.stdout.write(
      `  ${component.up ? 'up  ' : 'down'}  ${component.name.padEnd(11)} ${component.address}\n`,
    );
  }
}

/** Downloads and builds what the stack and its tests need (Maven jars, the Temporal CLI, Chromium), once. */
export function prepare(): void {
  const started = Date.now();
  kafkaClasspath();
  prepareTemporalTestServer();
  ensureTemporalCli();
  ensureChromium();
  process.stdout.write(`infrastructure prepared in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function daemonPid(): number | undefined {
  const { daemonPid: file } = localPaths();
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Starts the infrastructure in the background unless it already runs; waits until all of it answers. */
export async function up(): Promise<void> {
  const before = await infraStatus();
  if (before.every((component) => component.up)) {
    process.stdout.write('infrastructure already running:\n');
    printStatus(before);
    return;
  }
  if (daemonPid() === undefined) {
    prepare();
    const paths = localPaths();
    mkdirSync(paths.logs, { recursive: true });
    const log = openSync(join(paths.logs, 'infra.log'), 'a');
    const daemon = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(repoRoot, 'infra/launcher/daemon.ts')],
      {
        cwd: repoRoot,
        detached: true,
        stdio: ['ignore', log, log],
      },
    );
    daemon.unref();
    process.stdout.write(`starting infrastructure (pid ${daemon.pid}, logs in ${paths.logs}) …\n`);
  }
  await waitUntil(
    'the local infrastructure',
    async () => {
      if (daemonPid() === undefined)
        throw new Error(`the infrastructure daemon exited — see ${join(localPaths().logs, 'infra.log')}`);
      return (await infraStatus()).every((component) => component.up);
    },
    180_000,
    1_000,
  );
  printStatus(await infraStatus());
}

export async function down(): Promise<void> {
  const pid = daemonPid();
  if (pid === undefined) {
    process.stdout.write('infrastructure is not running\n');
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 60_000 && daemonPid() !== undefined; waited += 250) await sleep(250);
  process.stdout.write(
    daemonPid() === undefined
      ? 'infrastructure stopped\n'
      : `infrastructure daemon ${pid} did not stop in time\n`,
  );
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'prepare':
      return prepare();
    case 'up':
      return up();
    case 'down':
      return down();
    case 'status':
      return printStatus(await infraStatus());
    default:
      process.stderr.write('usage: npm run infra -- <prepare|up|down|status>\n');
      process.exitCode = 2;
  }
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof MissingToolError ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exit(1);
  });
}
