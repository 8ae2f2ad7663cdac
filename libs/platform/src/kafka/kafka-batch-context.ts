import { BaseRpcContext } from '@nestjs/microservices';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';

type BatchPayload = Pick<EachBatchPayload, 'batch' | 'resolveOffset' | 'heartbeat' | 'isRunning' | 'isStale'>;

/** What an event handler gets from the batching Kafka transport: one partition's fetched messages and how to mark progress. */
export class KafkaBatchContext extends BaseRpcContext<[BatchPayload]> {
  constructor(payload: BatchPayload) {
    super([payload]);
  }

  private get payload(): BatchPayload {
    return this.getArgByIndex(0);
  }

  get topic(): string {
    return this.payload.batch.topic;
  }

  get partition(): number {
    return this.payload.batch.partition;
  }

  get messages(): KafkaMessage[] {
    return this.payload.batch.messages;
  }

  /** Every message up to and including this offset is done with; kafkajs commits it. */
  resolveOffset(offset: string): void {
    this.payload.resolveOffset(offset);
  }

  heartbeat(): Promise<void> {
    return this.payload.heartbeat();
  }

  /** False once the consumer stops or the partition has been handed to another member: what is left will be delivered again. */
  canContinue(): boolean {
    return this.payload.isRunning() && !this.payload.isStale();
  }
}
