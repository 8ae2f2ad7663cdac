import { ServerKafka, type KafkaContext } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';
import { KafkaBatchContext } from './kafka-batch-context';

/**
 * The Kafka transport of @nestjs/microservices, run with kafkajs' `eachBatch`: the @EventPattern
 * handler of a topic receives each fetched batch of one partition (`@Ctx() KafkaBatchContext`), so
 * a consumer can apply many events in one transaction. The handler resolves offsets as it goes;
 * what it has not resolved when it throws is delivered again.
 */
export class BatchingKafkaServer extends ServerKafka {
  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...this.options.subscribe, topics });
    await consumer.run({
      ...this.options.run,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => {
        // ServerKafka types its context as the per-message KafkaContext; the handlers of this transport take the batch one.
        const context = new KafkaBatchContext(payload) as unknown as KafkaContext;
        return this.handleEvent(
          payload.batch.topic,
          { pattern: payload.batch.topic, data: undefined },
          context,
        );
      },
    });
  }
}
