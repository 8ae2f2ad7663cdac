// Lists and replays dead letters:
//   npm run dlq -- list   [--topic <topic>.dlq]
//   npm run dlq -- replay [--topic <topic>.dlq] [--offset <partition>@<offset> …]
// Uses KAFKA_BROKERS from the environment, or the local broker.
import { parseArgs } from 'node:util';
import {
  createKafkaClient,
  deadLetterTopics,
  readDeadLetters,
  replayDeadLetters,
  type DeadLetter,
} from '@banjie/platform';
import { localServiceEnvironment } from '@banjie/launcher';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { topic: { type: 'string' }, offset: { type: 'string', multiple: true } },
});
const command = positionals[0];

function describe(letter: DeadLetter): string {
  return `${letter.dlqTopic} ${letter.partition}@${letter.offset} key=${letter.key ?? '-'} from ${letter.sourceTopic} by ${letter.consumer || '?'} after ${letter.attempts || '?'} attempt(s) at ${letter.failedAt || '?'}\n    ${letter.error}`;
}

async function main(): Promise<void> {
  if (command !== 'list' && command !== 'replay') {
    process.stderr.write(
      'usage: npm run dlq -- list|replay [--topic <topic>.dlq] [--offset <partition>@<offset> …]\n',
    );
    process.exit(2);
  }
  const kafka = createKafkaClient('banjie-dlq-tool', localServiceEnvironment().KAFKA_BROKERS!.split(','));
  const topics = values.topic ? [values.topic] : await deadLetterTopics(kafka);
  const wanted = new Set(values.offset ?? []);
  const letters = (await readDeadLetters(kafka, topics)).filter(
    (letter) => wanted.size === 0 || wanted.has(`${letter.partition}@${letter.offset}`),
  );
  if (command === 'list') {
    process.stdout.write(
      letters.length === 0
        ? 'no dead letters\n'
        : `${letters.map(describe).join('\n')}\n${letters.length} dead letter(s)\n`,
    );
    return;
  }
  const replayed = await replayDeadLetters(kafka, letters);
  process.stdout.write(`replayed ${replayed} dead letter(s) to their source topics\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`dlq: ${(error as Error).message}\n`);
  process.exit(1);
});
