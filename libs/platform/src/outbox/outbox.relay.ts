import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { startNotifiedLoop, type NotifiedLoop } from '../database/notified-loop';
import { Transactions } from '../database/transactions';
import { faultPoint, FaultPoints } from '../faults/fault-point';
import { KafkaProducerService } from '../kafka/kafka-producer.service';
import { outboxChannel, OutboxRepository } from './outbox.repository';
import { OutboxMetrics } from './outbox.metrics';

const BATCH_SIZE = 500;
const IDLE_POLL_MS = 1_000;

/**
 * Publishes the outbox to Kafka in commit order. Rows are claimed with FOR UPDATE SKIP LOCKED,
 * sent, and marked published in the same transaction: a crash between send and mark re-sends
 * (at least once), which consumers absorb by event id. A NOTIFY from the writer wakes the relay
 * at once; a slow poll covers lost notifications.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly outbox = new OutboxRepository();
  private loop: NotifiedLoop | undefined;

  constructor(
    private readonly transactions: Transactions,
    private readonly producer: KafkaProducerService,
    private readonly metrics: OutboxMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.loop = await startNotifiedLoop(
      {
        name: 'outbox relay',
        databaseUrl: this.config.DATABASE_URL,
        channel: outboxChannel(this.config.databaseSchema),
        pollMs: IDLE_POLL_MS,
        retryAfterMs: (failures) => Math.min(100 * 2 ** failures, 5_000),
        logger: this.logger,
      },
      () => this.publishPending(),
    );
  }

  /** Before the data source closes: work in flight still needs the database. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /** Publishes everything pending now; returns how many events went out. */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < BATCH_SIZE) return total;
    }
  }

  /**
   * Claims and marks the oldest unpublished rows in one statement, publishes them, and commits: if
   * the send fails the transaction rolls back and the rows stay unpublished; a crash after the send
   * leaves them unmarked too, so they go out again (at least once).
   */
  private async publishBatch(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const rows = await this.outbox.claimOldestUnpublished(tx, BATCH_SIZE);
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({
          key: row.messageKey,
          value: JSON.stringify(row.envelope),
          headers: {
            'event-id': row.envelope.eventId,
            'event-type': row.envelope.type,
            'x-correlation-id': row.envelope.correlationId,
          },
        });
        byTopic.set(row.topic, messages);
      }
      faultPoint(FaultPoints.OUTBOX_BEFORE_PUBLISH);
      await this.producer.sendBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      faultPoint(FaultPoints.OUTBOX_AFTER_PUBLISH);
      this.metrics.published.inc(rows.length);
      return rows.length;
    });
  }
}
