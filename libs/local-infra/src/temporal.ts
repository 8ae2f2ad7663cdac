import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { spawnLogged, type ManagedProcess } from './child-process';
import { resolveClasspath } from './maven-classpath';
import { cacheDir, repoRoot } from './paths';
import { requireTool } from './tools';
import { waitUntil } from './wait';

/** The last CLI release that `go install` accepts (later ones carry a `replace` directive). */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

/** Builds the Temporal CLI (dev server with SQLite and Web UI) from the Go module proxy, once. */
export function ensureTemporalCli(): string {
  const binDir = join(cacheDir(), 'bin', 'temporal-cli-v1.5.1');
  const binary = join(binDir, 'temporal');
  if (existsSync(binary)) return binary;
  requireTool('go');
  mkdirSync(binDir, { recursive: true });
  execFileSync('go', ['install', TEMPORAL_CLI_MODULE], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOBIN: binDir, GOFLAGS: '-mod=mod' },
  });
  return binary;
}

export interface TemporalDevServerOptions {
  dbFile: string;
  port: number;
  uiPort: number;
  logFile: string;
  detached?: boolean;
  headless?: boolean;
}

/** A real Temporal server: the CLI's dev server, persisted in a SQLite file (write-ahead log). */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<ManagedProcess> {
  const binary = ensureTemporalCli();
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--db-filename',
    options.dbFile,
    // SQLite's default rollback journal syncs every workflow start to disk (≈ 20 starts/s here); with a
    // write-ahead log, synced at checkpoints, the same server takes 60–110/s. It stays durable across
    // a crash of the server process, which is what the fault scenarios exercise.
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
    '--namespace',
    'default',
    '--log-format',
    'json',
    '--log-level',
    'warn',
  ];
  if (options.headless) args.push('--headless');
  const server = spawnLogged(binary, args, { logFile: options.logFile, detached: options.detached });
  try {
    await waitUntil(
      `Temporal on 127.0.0.1:${options.port} (log: ${options.logFile})`,
      () => temporalAnswers(`127.0.0.1:${options.port}`),
      60_000,
      500,
    );
  } catch (error) {
    await server.stop(2_000);
    throw error;
  }
  return server;
}

export async function temporalAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    return true;
  } finally {
    await connection.close();
  }
}

/** Path of the wrapper script that the SDK's time-skipping environment spawns. */
export const temporalTestServerWrapper = join(repoRoot, 'infra/temporal/test-server.sh');

/**
 * Resolves the Java test server's classpath and writes it where the wrapper reads it; returns the
 * environment the wrapper needs.
 */
export function prepareTemporalTestServer(): { BANJIE_TEMPORAL_TEST_SERVER_CLASSPATH: string } {
  requireTool('java');
  const classpath = resolveClasspath(join(repoRoot, 'infra/temporal/pom.xml'));
  const file = join(cacheDir(), 'classpath', 'temporal-test-server.current');
  writeFileSync(file, classpath);
  return { BANJIE_TEMPORAL_TEST_SERVER_CLASSPATH: file };
}
