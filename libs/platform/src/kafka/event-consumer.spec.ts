import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { z } from 'zod';
import { defineEvent } from '@banjie/contracts';
import type { Transactions } from '../database/transactions';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { ConsumerMetrics } from './consumer.metrics';
import {
  EventConsumer,
  handle,
  MAX_ATTEMPTS,
  MAX_EVENTS_PER_TRANSACTION,
  MAX_TRANSIENT_ATTEMPTS,
} from './event-consumer';
import { KafkaBatchContext } from './kafka-batch-context';
import type { KafkaProducerService } from './kafka-producer.service';

const Pinged = defineEvent('test.ping.v1', 'Pinged', 1, z.object({ n: z.number() }));

class ImpatientConsumer extends EventConsumer {
  protected override backoffMs(): number {
    return 0;
  }
}

const pinged = (n: number, eventId: string = randomUUID()) =>
  JSON.stringify({
    eventId,
    type: 'Pinged',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: 'k',
    correlationId: 'c',
    payload: { n },
  });

/** Transactions that keep an inbox like PostgreSQL would: committed ids stay, a failed transaction's go. */
function inboxTransactions() {
  const processed = new Set<string>();
  let opened = 0;
  const transactions = {
    run: async (work: (tx: unknown) => Promise<unknown>) => {
      opened += 1;
      const inserted: string[] = [];
      const tx = {
        connection: { options: { schema: 'test' } },
        query: async (_sql: string, [, ids]: [string, string[]]) =>
          ids
            .filter((id) => !processed.has(id) && !inserted.includes(id) && inserted.push(id))
            .map((id) => ({ eventId: id })),
      };
      const result = await work(tx);
      inserted.forEach((id) => processed.add(id));
      return result;
    },
  } as unknown as Transactions;
  return { transactions, opened: () => opened };
}

function harness(values: string[], options: { runningFor?: number } = {}) {
  const sent: { topic: string; messages: { value: unknown; headers: Record<string, string> }[] }[] = [];
  const inbox = inboxTransactions();
  const producer = {
    sendBatch: async (batches: typeof sent) => void sent.push(...batches),
  } as unknown as KafkaProducerService;
  const config = { serviceName: 'test' } as never;
  const consumer = new ImpatientConsumer(
    inbox.transactions,
    producer,
    new ConsumerMetrics(new MetricsRegistry(config)),
    config,
  );
  const messages = values.map(
    (value, index) =>
      ({ value: Buffer.from(value), key: Buffer.from('k'), offset: String(100 + index) }) as KafkaMessage,
  );
  const resolved: string[] = [];
  let checks = 0;
  const context = new KafkaBatchContext({
    batch: { topic: 'test.ping.v1', partition: 0, messages } as never,
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: async () => undefined,
    isRunning: () => (checks += 1) <= (options.runningFor ?? Infinity),
    isStale: () => false,
  });
  return { consumer, context, sent, resolved, inbox };
}

const lostConnection = () =>
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('EventConsumer failure handling', () => {
  it('dead-letters an event whose effect keeps failing, after the bounded attempts, and returns normally', async () => {
    const { consumer, context, sent, resolved } = harness([pinged(1)]);
    let attempts = 0;
    await consumer.consume(context, 'test', [
      handle(Pinged, async () => {
        attempts += 1;
        throw new Error('no such project');
      }),
    ]);
    expect(attempts).toBe(MAX_ATTEMPTS);
    expect(sent.map((batch) => batch.topic)).toEqual(['test.ping.v1.dlq']);
    expect(sent[0]!.messages[0]!.headers['dlq-attempts']).toBe(String(MAX_ATTEMPTS));
    expect(resolved).toEqual(['100']);
  });

  it('never dead-letters a good event while the database is down: it hands it back to Kafka, offset unresolved', async () => {
    const { consumer, context, sent, resolved } = harness([pinged(1)]);
    let attempts = 0;
    const consuming = consumer.consume(context, 'test', [
      handle(Pinged, async () => {
        attempts += 1;
        throw lostConnection();
      }),
    ]);
    await expect(consuming).rejects.toThrow(/leaving it to Kafka to deliver again/);
    expect(attempts).toBe(MAX_TRANSIENT_ATTEMPTS);
    expect(sent).toEqual([]);
    expect(resolved).toEqual([]);
  });

  it('applies the event once the database answers again', async () => {
    const { consumer, context, sent } = harness([pinged(1)]);
    let attempts = 0;
    await consumer.consume(context, 'test', [
      handle(Pinged, async () => {
        attempts += 1;
        if (attempts < 3) throw lostConnection();
      }),
    ]);
    expect(attempts).toBe(3);
    expect(sent).toEqual([]);
  });
});

describe('EventConsumer batches', () => {
  it('applies a batch in one transaction, in order, and hands what the effects returned to afterApplied once', async () => {
    const { consumer, context, resolved, inbox } = harness([1, 2, 3, 4, 5].map((n) => pinged(n)));
    const afterApplied: number[][] = [];
    await consumer.consume(
      context,
      'test',
      [handle(Pinged, async (envelope) => envelope.payload.n * 10)],
      async (results) => void afterApplied.push(results),
    );
    expect(inbox.opened()).toBe(1);
    expect(afterApplied).toEqual([[10, 20, 30, 40, 50]]);
    expect(resolved).toEqual(['104']);
  });

  it('applies an event once however often it arrives, in the same batch or later', async () => {
    const repeated = randomUUID();
    const { consumer, context } = harness([pinged(1, repeated), pinged(2), pinged(1, repeated)]);
    const applied: number[] = [];
    const handlers = [handle(Pinged, async (envelope) => void applied.push(envelope.payload.n))];
    await consumer.consume(context, 'test', handlers);
    await consumer.consume(context, 'test', handlers);
    expect(applied).toEqual([1, 2]);
  });

  it('does not let one bad event take the others with it: one by one, only the bad one is dead-lettered', async () => {
    const { consumer, context, sent, resolved } = harness([1, 2, 3, 4].map((n) => pinged(n)));
    const applied: number[] = [];
    const afterApplied: number[][] = [];
    await consumer.consume(
      context,
      'test',
      [
        handle(Pinged, async (envelope) => {
          if (envelope.payload.n === 3) throw new Error('no such project');
          applied.push(envelope.payload.n);
          return envelope.payload.n;
        }),
      ],
      async (results) => void afterApplied.push(results),
    );
    expect(applied).toEqual([1, 2, /* rolled back with 3, then one by one: */ 1, 2, 4]);
    expect(afterApplied).toEqual([[1], [2], [4]]);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String(sent[0]!.messages[0]!.value)).payload).toEqual({ n: 3 });
    expect(resolved).toEqual(['103']);
  });

  it('dead-letters malformed messages and applies the good ones around them', async () => {
    const { consumer, context, sent } = harness([
      pinged(1),
      '{not json',
      pinged(2),
      JSON.stringify({ eventId: 'x' }),
    ]);
    const applied: number[] = [];
    await consumer.consume(context, 'test', [
      handle(Pinged, async (envelope) => void applied.push(envelope.payload.n)),
    ]);
    expect(applied).toEqual([1, 2]);
    expect(sent.map((batch) => batch.messages[0]!.headers['dlq-error'])).toEqual([
      expect.stringMatching(/^malformed JSON/),
      expect.stringMatching(/^invalid envelope/),
    ]);
  });

  it('reads each version of an event type it has a handler for, and dead-letters the others by version', async () => {
    const PingedV2 = defineEvent('test.ping.v1', 'Pinged', 2, z.object({ n: z.number(), note: z.string() }));
    const version = (n: number, body: unknown) =>
      JSON.stringify({ ...JSON.parse(pinged(0)), version: n, payload: body });
    const { consumer, context, sent } = harness([
      pinged(1),
      version(2, { n: 2, note: 'v2' }),
      version(3, { n: 3 }),
    ]);
    const applied: string[] = [];
    await consumer.consume(context, 'test', [
      handle(Pinged, async (envelope) => void applied.push(`v1:${envelope.payload.n}`)),
      handle(PingedV2, async (envelope) => void applied.push(`v2:${envelope.payload.n}`)),
    ]);
    expect(applied).toEqual(['v1:1', 'v2:2']);
    expect(sent.map((batch) => batch.messages[0]!.headers['dlq-error'])).toEqual([
      'unsupported version 3 of Pinged (this consumer reads version 1, 2)',
    ]);
  });

  it(`commits at most ${MAX_EVENTS_PER_TRANSACTION} events per transaction, resolving each part's offsets`, async () => {
    const count = MAX_EVENTS_PER_TRANSACTION * 2 + 7;
    const { consumer, context, resolved, inbox } = harness(
      Array.from({ length: count }, (_, n) => pinged(n)),
    );
    await consumer.consume(context, 'test', [handle(Pinged, async () => undefined)]);
    expect(inbox.opened()).toBe(3);
    expect(resolved).toEqual([
      String(100 + MAX_EVENTS_PER_TRANSACTION - 1),
      String(100 + 2 * MAX_EVENTS_PER_TRANSACTION - 1),
      String(100 + count - 1),
    ]);
  });

  it('stops between parts once the consumer stops or loses the partition, leaving the rest unresolved', async () => {
    const { consumer, context, resolved, inbox } = harness(
      Array.from({ length: MAX_EVENTS_PER_TRANSACTION * 3 }, (_, n) => pinged(n)),
      { runningFor: 1 },
    );
    await consumer.consume(context, 'test', [handle(Pinged, async () => undefined)]);
    expect(inbox.opened()).toBe(1);
    expect(resolved).toEqual([String(100 + MAX_EVENTS_PER_TRANSACTION - 1)]);
  });
});
