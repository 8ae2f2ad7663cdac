import type { IHeaders, Kafka } from 'kafkajs';

/** One message on a `<topic>.dlq`, with the error its consumer recorded. */
export interface DeadLetter {
  dlqTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  sourceTopic: string;
  consumer: string;
  error: string;
  attempts: string;
  failedAt: string;
  value: string;
}

const header = (headers: IHeaders | undefined, name: string): string => {
  const value = headers?.[name];
  return value === undefined ? '' : Array.isArray(value) ? String(value[0]) : String(value);
};

export async function deadLetterTopics(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((topic) => topic.endsWith('.dlq')).sort();
  } finally {
    await admin.disconnect();
  }
}

/** Reads every message of the dead-letter topics (from their first offset to their current end). */
export async function readDeadLetters(kafka: Kafka, topics: string[]): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  try {
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) {
        if (Number(partition.high) > Number(partition.low))
          ends.set(`${topic}:${partition.partition}`, Number(partition.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return [];
  const letters: DeadLetter[] = [];
  const consumer = kafka.consumer({ groupId: `banjie-dlq-reader-${process.pid}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const endKey = `${topic}:${partition}`;
            letters.push({
              dlqTopic: topic,
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              sourceTopic: header(message.headers, 'dlq-source-topic') || topic.replace(/\.dlq$/, ''),
              consumer: header(message.headers, 'dlq-consumer'),
              error: header(message.headers, 'dlq-error'),
              attempts: header(message.headers, 'dlq-attempts'),
              failedAt: header(message.headers, 'dlq-failed-at'),
              value: message.value?.toString('utf8') ?? '',
            });
            if (Number(message.offset) + 1 >= (ends.get(endKey) ?? 0)) ends.delete(endKey);
            if (ends.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return letters;
}

/**
 * Sends dead letters back to the topic they came from, with their key and a header naming the
 * dead letter they replay. Consumers are idempotent on the event id, so replaying twice is harmless.
 */
export async function replayDeadLetters(kafka: Kafka, letters: DeadLetter[]): Promise<number> {
  if (letters.length === 0) return 0;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const letter of letters) {
      await producer.send({
        topic: letter.sourceTopic,
        messages: [
          {
            key: letter.key,
            value: letter.value,
            headers: { 'dlq-replayed-from': `${letter.dlqTopic}:${letter.partition}@${letter.offset}` },
          },
        ],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return letters.length;
}
