import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { requiredEnv } from '@banjie/testing';
import { readDeadLetters, replayDeadLetters } from './dead-letters';

describe('dead letters on a real broker', () => {
  const kafka = new Kafka({
    clientId: 'dlq-test',
    brokers: [requiredEnv('KAFKA_BROKERS')],
    logLevel: logLevel.NOTHING,
  });
  const source = `test.dlq-tool-${randomUUID().slice(0, 8)}.v1`;
  const dlq = `${source}.dlq`;

  it('lists a dead letter with its error and replays it to its source topic with its key', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: source, numPartitions: 2 },
        { topic: dlq, numPartitions: 2 },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: dlq,
      messages: [
        {
          key: 'BJ-2023-0042',
          value: '{"eventId":"not json enough"',
          headers: {
            'dlq-error': 'malformed JSON: Unexpected end',
            'dlq-consumer': 'notice-board',
            'dlq-source-topic': source,
            'dlq-attempts': '1',
            'dlq-failed-at': '2023-03-01T00:00:00.000Z',
          },
        },
      ],
    });
    await producer.disconnect();

    const letters = await readDeadLetters(kafka, [dlq]);
    expect(letters).toEqual([
      expect.objectContaining({
        key: 'BJ-2023-0042',
        sourceTopic: source,
        consumer: 'notice-board',
        error: 'malformed JSON: Unexpected end',
        value: '{"eventId":"not json enough"',
      }),
    ]);

    expect(await replayDeadLetters(kafka, letters)).toBe(1);
    const replayed = await readTopic(source);
    expect(replayed).toEqual([
      {
        key: 'BJ-2023-0042',
        value: '{"eventId":"not json enough"',
        replayedFrom: `${dlq}:${letters[0].partition}@${letters[0].offset}`,
      },
    ]);
  }, 60_000);

  async function readTopic(topic: string) {
    const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: { key?: string; value?: string; replayedFrom?: string }[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push({
            key: message.key?.toString(),
            value: message.value?.toString(),
            replayedFrom: message.headers?.['dlq-replayed-from']?.toString(),
          });
          resolve();
        },
      });
    });
    await consumer.disconnect();
    return seen;
  }
});
