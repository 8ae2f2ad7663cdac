import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  startKafka,
  startPostgres,
  startTemporalDevServer,
  type ManagedProcess,
  type RunningPostgres,
} from '@banjie/local-infra';

export interface TestInfrastructure {
  postgresUrl: string;
  kafkaBrokers: string;
  temporalAddress: string;
  stop(): Promise<void>;
}

/**
 * Throwaway real infrastructure for one test run: a PostgreSQL cluster, a Kafka broker and a
 * Temporal dev server, on free loopback ports, in a temporary directory removed afterwards.
 */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  const root = mkdtempSync(join(tmpdir(), 'banjie-test-'));
  // PostgreSQL runs as its own user when we are root: it must be able to enter this directory.
  chmodSync(root, 0o755);
  const started: { postgres?: RunningPostgres; kafka?: ManagedProcess; temporal?: ManagedProcess } = {};
  const stop = async () => {
    await Promise.allSettled([
      started.temporal?.stop(5_000),
      started.kafka?.stop(10_000),
      started.postgres?.stop(),
    ]);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [pgPort, kafkaPort, controllerPort, temporalPort, uiPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const [postgres, kafka, temporal] = await Promise.all([
      startPostgres({ dataDir: join(root, 'pg'), port: pgPort, persistent: false }),
      startKafka({
        dataDir: join(root, 'kafka'),
        port: kafkaPort,
        controllerPort,
        logFile: join(root, 'kafka.log'),
      }),
      startTemporalDevServer({
        dbFile: join(root, 'temporal.db'),
        port: temporalPort,
        uiPort,
        logFile: join(root, 'temporal.log'),
        headless: true,
      }),
    ]);
    Object.assign(started, { postgres, kafka, temporal });
    return {
      postgresUrl: postgres.url,
      kafkaBrokers: `127.0.0.1:${kafkaPort}`,
      temporalAddress: `127.0.0.1:${temporalPort}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
