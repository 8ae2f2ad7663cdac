import './register-paths';
import { LOCAL_DEVELOPMENT_JWT_SECRET, LOCAL_DEVELOPMENT_MODE } from '@banjie/platform';
import { startTestInfrastructure, type TestInfrastructure } from './test-infrastructure';

declare global {
  var __banjieTestInfrastructure: TestInfrastructure | undefined;
}

/** Starts the real infrastructure once for all integration tests; workers inherit the addresses. */
export default async function integrationGlobalSetup(): Promise<void> {
  const started = Date.now();
  const infrastructure = await startTestInfrastructure();
  globalThis.__banjieTestInfrastructure = infrastructure;
  // An interrupted run (Ctrl-C, a CI timeout) skips the global teardown: stop the servers anyway.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void infrastructure.stop().finally(() => process.exit(130)));
  }
  process.env.TEST_POSTGRES_URL = infrastructure.postgresUrl;
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers;
  process.env.TEMPORAL_ADDRESS = infrastructure.temporalAddress;
  process.env.JWT_SECRET = LOCAL_DEVELOPMENT_JWT_SECRET;
  Object.assign(process.env, LOCAL_DEVELOPMENT_MODE);
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  process.stdout.write(`\nreal PostgreSQL, Kafka and Temporal up in ${Date.now() - started} ms\n`);
}
