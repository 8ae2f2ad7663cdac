// The background process that owns the local infrastructure: started by `npm run infra -- up`,
// stopped by `npm run infra -- down` (SIGTERM). Each component logs to its own file.
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDatabase,
  startKafka,
  startPostgres,
  startTemporalDevServer,
  type ManagedProcess,
  type RunningPostgres,
} from '@banjie/local-infra';
import { LOCAL_DATABASE, localPaths, localPorts } from './local-environment';

async function main(): Promise<void> {
  const ports = localPorts();
  const paths = localPaths();
  const running: { postgres?: RunningPostgres; kafka?: ManagedProcess; temporal?: ManagedProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([
      running.temporal?.stop(10_000),
      running.kafka?.stop(20_000),
      running.postgres?.stop(),
    ]);
    rmSync(paths.daemonPid, { force: true });
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  writeFileSync(paths.daemonPid, String(process.pid));
  try {
    running.postgres = await startPostgres({
      dataDir: paths.postgresData,
      port: ports.postgres,
      persistent: true,
    });
    await ensureDatabase(running.postgres.url, LOCAL_DATABASE);
    running.kafka = await startKafka({
      dataDir: paths.kafkaData,
      port: ports.kafka,
      controllerPort: ports.kafkaController,
      logFile: join(paths.logs, 'kafka.log'),
    });
    running.temporal = await startTemporalDevServer({
      dbFile: paths.temporalDb,
      port: ports.temporal,
      uiPort: ports.temporalUi,
      logFile: join(paths.logs, 'temporal.log'),
    });
    process.stdout.write(`infrastructure ready (pid ${process.pid})\n`);
  } catch (error) {
    process.stderr.write(`infrastructure failed to start: ${(error as Error).message}\n`);
    await stop(1);
  }
}

void main();
