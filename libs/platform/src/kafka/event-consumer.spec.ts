import { randomUUID } from 'node:crypto';
import type { KafkaContext } from '@nestjs/microservices';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { defineEvent } from '@banjie/contracts';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { ConsumerMetrics } from './consumer.metrics';
import { EventConsumer, handle, MAX_ATTEMPTS, MAX_TRANSIENT_ATTEMPTS } from './event-consumer';
import type { KafkaProducerService } from './kafka-producer.service';

const Pinged = defineEvent('test.ping.v1', 'Pinged', 1, z.object({ n: z.number() }));

class ImpatientConsumer extends EventConsumer {
  protected override backoffMs(): number {
    return 0;
  }
}

function harness() {
  const sent: { topic: string }[] = [];
  const dataSource = {
    options: { schema: 'test' },
    transaction: async (work: (manager: unknown) => Promise<unknown>) => work({ query: async () => [{ event_id: 'x' }] }),
  } as unknown as DataSource;
  const producer = { sendBatch: async (batches: { topic: string }[]) => void sent.push(...batches) } as unknown as KafkaProducerService;
  const config = { serviceName: 'test' } as never;
  const consumer = new ImpatientConsumer(dataSource, producer, new ConsumerMetrics(new MetricsRegistry(config)), config);
  const envelope = { eventId: randomUUID(), type: 'Pinged', version: 1, occurredAt: new Date().toISOString(), aggregateId: 'k', correlationId: 'c', payload: { n: 1 } };
  const context = {
    getMessage: () => ({ value: Buffer.from(JSON.stringify(envelope)), key: Buffer.from('k'), offset: '7' }),
    getTopic: () => 'test.ping.v1',
    getPartition: () => 0,
    getHeartbeat: () => async () => undefined,
  } as unknown as KafkaContext;
  return { consumer, context, sent };
}

const lostConnection = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('EventConsumer failure handling', () => {
  it('dead-letters an event whose effect keeps failing, after the bounded attempts, and returns normally', async () => {
    const { consumer, context, sent } = harness();
    let attempts = 0;
    await consumer.consume(context, 'test', [handle(Pinged, async () => { attempts += 1; throw new Error('no such project'); })]);
    expect(attempts).toBe(MAX_ATTEMPTS);
    expect(sent.map((batch) => batch.topic)).toEqual(['test.ping.v1.dlq']);
  });

  it('never dead-letters a good event while the database is down: it hands it back to Kafka', async () => {
    const { consumer, context, sent } = harness();
    let attempts = 0;
    const consuming = consumer.consume(context, 'test', [handle(Pinged, async () => { attempts += 1; throw lostConnection(); })]);
    await expect(consuming).rejects.toThrow(/leaving it to Kafka to deliver again/);
    expect(attempts).toBe(MAX_TRANSIENT_ATTEMPTS);
    expect(sent).toEqual([]);
  });

  it('applies the event once the database answers again', async () => {
    const { consumer, context, sent } = harness();
    let attempts = 0;
    await consumer.consume(context, 'test', [handle(Pinged, async () => { attempts += 1; if (attempts < 3) throw lostConnection(); })]);
    expect(attempts).toBe(3);
    expect(sent).toEqual([]);
  });
});
