import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { baseUrl, freshDatabaseUrl, requiredEnv, serviceEnvironment } from '@banjie/testing';
import type { Clock } from '../clock/clock';
import { migrateNotice, startNoticeService } from '../notice-service';

/**
 * A fresh notice service on its own database and (through `serviceEnvironment`) its own consumer
 * group starting at the topics' current end: what earlier test files published is theirs.
 */
export async function startIsolatedNotice(
  options: { databaseUrl?: string; env?: Record<string, string>; clock?: Clock } = {},
) {
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl('notice'));
  const env: NodeJS.ProcessEnv = {
    ...(await serviceEnvironment(databaseUrl, 'NOTICE_PORT')),
    ...options.env,
  };
  await migrateNotice(env);
  const app: INestApplication = await startNoticeService(env, options.clock ? { clock: options.clock } : {});
  return { app, databaseUrl, env };
}

/**
 * A notice service under observation: its database, a Kafka client, a recorder of some topics
 * from the beginning, and an SSE client on its stream since boot.
 */
export async function observedNotice(options: { clock?: Clock; topics: string[] }) {
  const { app, env, databaseUrl } = await startIsolatedNotice(options.clock ? { clock: options.clock } : {});
  const url = baseUrl(app);
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  const kafka = testKafka();
  const topics = await recordTopics(kafka, options.topics);
  const stream = recordSse(`${url}/api/board/stream`);
  return {
    app,
    env,
    url,
    db,
    kafka,
    topics,
    stream,
    stop: async () => {
      await stream.close();
      await Promise.allSettled([topics.stop(), db.end(), app.close()]);
    },
  };
}

/** A clock that runs at real speed from a chosen instant, and can be set to another. */
export function adjustableClock(start: string) {
  let base = new Date(start).getTime();
  let setAt = Date.now();
  return {
    now: () => new Date(base + (Date.now() - setAt)),
    set(instant: string) {
      base = new Date(instant).getTime();
      setAt = Date.now();
    },
  };
}

export function testKafka(): Kafka {
  return new Kafka({
    clientId: `notice-test-${randomBytes(3).toString('hex')}`,
    brokers: requiredEnv('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });
}

/** Publishes raw messages (poison included) to a topic. */
export async function publishRaw(
  kafka: Kafka,
  topic: string,
  messages: { key: string; value: string }[],
): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/** Publishes envelopes to a topic, keyed by their aggregate, exactly as the producing services do. */
export function publish(
  kafka: Kafka,
  topic: string,
  envelopes: readonly { aggregateId: string }[],
): Promise<void> {
  return publishRaw(
    kafka,
    topic,
    envelopes.map((envelope) => ({ key: envelope.aggregateId, value: JSON.stringify(envelope) })),
  );
}

export interface RecordedMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Records every message of some topics from the beginning (own consumer group), for assertions scoped by key. */
export async function recordTopics(kafka: Kafka, topics: string[]) {
  const messages: RecordedMessage[] = [];
  const consumer = kafka.consumer({
    groupId: `notice-test-reader-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 500,
  });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      messages.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** A Server-Sent Events client that keeps every event and the raw text it received. */
export function recordSse(url: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  const raw: string[] = [];
  const abort = new AbortController();
  const done = (async () => {
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: abort.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      raw.push(value);
      buffer += value;
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((line) => line && !line.startsWith(':'))
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trimStart()]),
        );
        if (fields.event) events.push({ id: fields.id, event: fields.event, data: fields.data ?? '' });
      }
    }
  })().catch((error: unknown) => {
    if ((error as Error).name !== 'AbortError') throw error;
  });
  return {
    events,
    raw: () => raw.join(''),
    /** The parsed data of the `card` events about one project. */
    cards: (code: string) =>
      events
        .filter((e) => e.event === 'card')
        .map((e) => JSON.parse(e.data))
        .filter((data) => data.code === code),
    close: async () => {
      abort.abort();
      await done;
    },
  };
}
