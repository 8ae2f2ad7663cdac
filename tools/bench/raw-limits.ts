// The machine's own limits, measured against the same PostgreSQL and Kafka Banjie runs on, so that
// Banjie's figures can be read as ratios of them.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

export interface RateFigure {
  operations: number;
  seconds: number;
  perSecond: number;
}

/** Runs `workers` copies of `step` until `seconds` have passed; counts completed steps. */
async function sustained(
  seconds: number,
  workers: number,
  step: (worker: number) => Promise<void>,
): Promise<RateFigure> {
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  let operations = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (Date.now() < deadline) {
        await step(worker);
        operations += 1;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { operations, seconds: elapsed, perSecond: operations / elapsed };
}

/** Single-row INSERT commits per second (autocommit), from `clients` connections at once. */
export async function postgresCommitRate(
  databaseUrl: string,
  seconds: number,
  clients: number,
): Promise<RateFigure> {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const table = `bench_raw_${randomUUID().slice(0, 8)}`;
  try {
    await connections[0]!.query(
      `CREATE TABLE public.${table} (id bigserial PRIMARY KEY, payload text NOT NULL)`,
    );
    return await sustained(seconds, clients, (worker) =>
      connections[worker]!.query(`INSERT INTO public.${table} (payload) VALUES ($1)`, ['x'.repeat(200)]).then(
        () => undefined,
      ),
    );
  } finally {
    await connections[0]!.query(`DROP TABLE IF EXISTS public.${table}`).catch(() => undefined);
    await Promise.all(connections.map((client) => client.end()));
  }
}

/** A topic just created may not be served by its leader yet ("does not host this topic-partition"). */
async function firstSendSucceeds(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await send();
      return;
    } catch (error) {
      if (attempt >= 40) throw error;
      await sleep(250);
    }
  }
}

/** Acknowledged (acks=all, idempotent) single-message sends per second, `inFlight` at once. */
export async function kafkaProduceRate(
  brokers: string,
  seconds: number,
  inFlight: number,
): Promise<RateFigure> {
  const kafka = new Kafka({
    clientId: 'banjie-bench-raw',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const topic = `bench.raw-${randomUUID().slice(0, 8)}.v1`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: false });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const value = 'x'.repeat(1_000);
  try {
    await firstSendSucceeds(() => producer.send({ topic, acks: -1, messages: [{ key: 'warm-up', value }] }));
    return await sustained(seconds, inFlight, (worker) =>
      producer
        .send({ topic, acks: -1, messages: [{ key: `BJ-2023-${worker}`, value }] })
        .then(() => undefined),
    );
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
