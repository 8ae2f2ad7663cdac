import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { listenForNotifications, type NotificationListener } from '../database/notification-listener';
import { faultPoint, FaultPoints } from '../faults/fault-point';
import { KafkaProducerService } from '../kafka/kafka-producer.service';
import { outboxChannel } from './outbox.writer';
import { OutboxMetrics } from './outbox.metrics';

interface ClaimedRow {
  id: string;
  topic: string;
  message_key: string;
  envelope: { eventId: string; type: string; correlationId: string };
}

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
  private running = false;
  private loop: Promise<void> | undefined;
  private listener: NotificationListener | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducerService,
    private readonly metrics: OutboxMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = await listenForNotifications(
      this.config.DATABASE_URL,
      outboxChannel(this.config.databaseSchema),
      () => this.wake?.(),
      this.logger,
    );
    this.running = true;
    this.loop = this.run();
  }

  /** Before the data source closes: work in flight still needs the database. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.close();
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

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const notified = new Promise<void>((resolve) => (this.wake = resolve));
      try {
        await this.publishPending();
        failures = 0;
        await Promise.race([notified, sleep(IDLE_POLL_MS)]);
      } catch (error) {
        failures += 1;
        const backoff = Math.min(100 * 2 ** failures, 5_000);
        this.logger.warn(
          `outbox relay failed (attempt ${failures}), retrying in ${backoff} ms: ${(error as Error).message}`,
        );
        await Promise.race([notified, sleep(backoff)]);
      }
    }
  }

  /**
   * Claims and marks the oldest unpublished rows in one statement, publishes them, and commits: if
   * the send fails the transaction rolls back and the rows stay unpublished; a crash after the send
   * leaves them unmarked too, so they go out again (at least once).
   */
  private async publishBatch(): Promise<number> {
    const table = `"${this.config.databaseSchema}".outbox`;
    return this.dataSource.transaction(async (manager) => {
      const [claimed]: [ClaimedRow[], number] = await manager.query(
        `UPDATE ${table} SET published_at = now()
          WHERE id IN (SELECT id FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED)
          RETURNING id, topic, message_key, envelope`,
      );
      if (claimed.length === 0) return 0;
      const rows = claimed.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({
          key: row.message_key,
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
