import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateAll } from './stack/migrate-all';
import { startServices, stackEnvironment, type ServiceStack } from './stack/service-stack';
import type { ServiceName } from './stack/services';
import { consumerGroupAtEnd, freshDatabaseUrl, requiredEnv, spreadProjectCodes } from './service-harness';

export interface TestStack extends ServiceStack {
  /** The database all its services share (each in its own schema). */
  databaseUrl: string;
}

export interface TestStackOptions {
  /** A database the test made already (e.g. shared with a service it runs in its own process). */
  databaseUrl?: string;
  /** Environment of every service (rate limits, retry hints, …). */
  env?: NodeJS.ProcessEnv;
  /** Environment of one service only. */
  serviceEnv?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
}

/**
 * Some services as real processes on the test infrastructure, as they run in production, on a
 * fresh database; each service has its own Kafka consumer group starting at the topics' current
 * end (the broker is shared with the other test files), the deadline service its own Temporal task
 * queue, and the approval service re-reads calendar overrides on every use.
 */
export async function startTestStack(
  name: string,
  services: readonly ServiceName[],
  options: TestStackOptions = {},
): Promise<TestStack> {
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl(name));
  const env = await stackEnvironment(
    {
      databaseUrl,
      kafkaBrokers: requiredEnv('KAFKA_BROKERS'),
      temporalAddress: requiredEnv('TEMPORAL_ADDRESS'),
    },
    options.env,
  );
  await migrateAll(env, services);
  if (services.includes('intake-service')) await spreadProjectCodes(databaseUrl);
  const consumerGroups = await Promise.all(
    services.map((service) => consumerGroupAtEnd(service.replace(/-service$/, ''))),
  );
  const defaults: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {
    'approval-service': { APPROVAL_CALENDAR_REFRESH_MS: '0' },
    'deadline-service': { TEMPORAL_TASK_QUEUE: `${name}-${randomUUID()}` },
  };
  const serviceEnv = Object.fromEntries(
    services.map((service, index) => [
      service,
      {
        KAFKA_CONSUMER_GROUP: consumerGroups[index],
        ...defaults[service],
        ...options.serviceEnv?.[service],
      },
    ]),
  );
  const logs = mkdtempSync(join(tmpdir(), `banjie-${name}-`));
  const stack = await startServices(env, logs, { services, serviceEnv });
  return { ...stack, databaseUrl };
}
