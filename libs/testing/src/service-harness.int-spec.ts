import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@banjie/contracts';
import { eventually } from './eventually';
import { requiredEnv, serviceEnvironment } from './service-harness';

describe('a service under test reads only what is published after it starts', () => {
  it('its consumer group starts at the end of the shared topics, even when told to read from the beginning', async () => {
    const kafka = new Kafka({ brokers: requiredEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const before = `before-${randomUUID()}`;
    await producer.send({ topic: Topics.DEADLINE_REMINDER, messages: [{ key: 'k', value: before }] });
    const env = await serviceEnvironment('postgres://unused@127.0.0.1/none', 'DEADLINE_PORT');
    const after = `after-${randomUUID()}`;
    await producer.send({ topic: Topics.DEADLINE_REMINDER, messages: [{ key: 'k', value: after }] });
    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: env.KAFKA_CONSUMER_GROUP! });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.DEADLINE_REMINDER, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    try {
      await eventually(() => expect(seen).toContain(after), 60_000);
      expect(seen).not.toContain(before);
    } finally {
      await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    }
  }, 120_000);
});
