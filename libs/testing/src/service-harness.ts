import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { ALL_TOPICS } from '@banjie/contracts';
import { freePort, ensureDatabase } from '@banjie/local-infra';
import { issueToken, LOCAL_DEVELOPMENT_JWT_SECRET, type Actor } from '@banjie/platform';

/** A fresh database on the shared test cluster, so test files never see each other's rows. */
export async function freshDatabaseUrl(prefix: string): Promise<string> {
  const adminUrl = requiredEnv('TEST_POSTGRES_URL');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest's integration project`);
  return value;
}

/**
 * The environment a service needs, pointed at the test infrastructure. Test files share one
 * broker: each service instance gets its own consumer group that starts at the current end of
 * every topic, so it sees the events of its own test, not the backlog of the files before it.
 */
export async function serviceEnvironment(
  databaseUrl: string,
  portVariable: string,
): Promise<NodeJS.ProcessEnv> {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    [portVariable]: String(await freePort()),
    KAFKA_CONSUMER_GROUP: await consumerGroupAtEnd(portVariable.replace(/_PORT$/, '').toLowerCase()),
  };
}

/** A Kafka consumer group whose offsets stand at the current end of every topic. */
export async function consumerGroupAtEnd(prefix: string): Promise<string> {
  const groupId = `${prefix}-test-${randomBytes(4).toString('hex')}`;
  const admin = new Kafka({
    clientId: 'banjie-test-harness',
    brokers: requiredEnv('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    // Explicit high watermarks: kafkajs' resetOffsets commits the LATEST sentinel (-1), which a
    // consumer with fromBeginning then reads as "no offset" — and starts from the beginning.
    const existing = new Set(await admin.listTopics());
    for (const { name } of ALL_TOPICS.filter((topic) => existing.has(topic.name))) {
      const partitions = (await admin.fetchTopicOffsets(name)).map(({ partition, high }) => ({
        partition,
        offset: high,
      }));
      await admin.setOffsets({ groupId, topic: name, partitions });
    }
  } finally {
    await admin.disconnect();
  }
  return groupId;
}

/**
 * Test files share one Kafka broker: each intake database starts every year's project codes at a
 * random far-off number, so events of different files never share a key.
 */
export async function spreadProjectCodes(intakeDatabaseUrl: string): Promise<void> {
  const db = new PgClient({ connectionString: intakeDatabaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO intake.project_code_counters (year, last_number)
       SELECT year, $1 FROM generate_series(2000, 2100) AS year
       ON CONFLICT (year) DO UPDATE SET last_number = EXCLUDED.last_number`,
      [10_000 + Math.floor(Math.random() * 89_000) * 10],
    );
  } finally {
    await db.end();
  }
}

export function tokenFor(actor: Actor): string {
  return issueToken(actor, LOCAL_DEVELOPMENT_JWT_SECRET);
}

export function baseUrl(app: INestApplication): string {
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}
