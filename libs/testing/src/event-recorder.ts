import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { requiredEnv } from './service-harness';

export interface EventRecorder<T> {
  /** Every JSON message of the topics so far, in arrival order (filter by key: test files share the broker). */
  readonly received: T[];
  stop(): Promise<void>;
}

/** Records what is published on the topics, from their beginning, through a consumer group of its own. */
export async function recordEvents<T>(topics: string[]): Promise<EventRecorder<T>> {
  const received: T[] = [];
  const consumer = new Kafka({
    brokers: requiredEnv('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  }).consumer({ groupId: `recorder-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        received.push(JSON.parse(message.value?.toString() ?? '') as T);
      } catch {
        // Other test files publish malformed messages on the shared broker on purpose.
      }
    },
  });
  return { received, stop: () => consumer.disconnect() };
}
