// PostgreSQL, Kafka and the Temporal dev server in a temporary directory, each of which can be
// killed with SIGKILL and started again on the same data and port: the fault suite's ground.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureDatabase,
  freePort,
  startKafka,
  startPostgres,
  startTemporalDevServer,
  type ManagedProcess,
  type RunningPostgres,
} from '@banjie/local-infra';

export interface RestartableInfrastructure {
  root: string;
  databaseUrl: string;
  kafkaBrokers: string;
  temporalAddress: string;
  killPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  killKafka(): Promise<void>;
  startKafka(): Promise<void>;
  killTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  stop(): Promise<void>;
}

async function killProcess(process: ManagedProcess | undefined): Promise<void> {
  if (!process || process.child.exitCode !== null || process.child.signalCode !== null) return;
  const exited = new Promise((resolve) => process.child.once('exit', resolve));
  process.child.kill('SIGKILL');
  await exited;
}

export async function startRestartableInfrastructure(): Promise<RestartableInfrastructure> {
  const root = mkdtempSync(join(tmpdir(), 'banjie-faults-'));
  chmodSync(root, 0o755);
  const [pgPort, kafkaPort, controllerPort, temporalPort, uiPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const pgDir = join(root, 'pg');
  let postgres: RunningPostgres | undefined;
  let kafka: ManagedProcess | undefined;
  let temporal: ManagedProcess | undefined;
  const infra: RestartableInfrastructure = {
    root,
    databaseUrl: '',
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    async startPostgres() {
      postgres = await startPostgres({ dataDir: pgDir, port: pgPort, persistent: true });
    },
    async killPostgres() {
      const postmaster = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      // Backends lose their postmaster and exit; wait until the port is free to start again.
      for (let i = 0; i < 100; i += 1) {
        try {
          process.kill(postmaster, 0);
          await new Promise((resolve) => setTimeout(resolve, 100));
        } catch {
          break;
        }
      }
      postgres = undefined;
    },
    async startKafka() {
      kafka = await startKafka({
        dataDir: join(root, 'kafka'),
        port: kafkaPort,
        controllerPort,
        logFile: join(root, 'kafka.log'),
      });
    },
    killKafka: () => killProcess(kafka),
    async startTemporal() {
      temporal = await startTemporalDevServer({
        dbFile: join(root, 'temporal.db'),
        port: temporalPort,
        uiPort,
        logFile: join(root, 'temporal.log'),
        headless: true,
      });
    },
    killTemporal: () => killProcess(temporal),
    async stop() {
      await Promise.allSettled([temporal?.stop(5_000), kafka?.stop(10_000), postgres?.stop()]);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all([infra.startPostgres(), infra.startKafka(), infra.startTemporal()]);
    await ensureDatabase(postgres!.url, 'banjie');
    infra.databaseUrl = Object.assign(new URL(postgres!.url), { pathname: '/banjie' }).toString();
    return infra;
  } catch (error) {
    await infra.stop();
    throw error;
  }
}
