import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '@banjie/contracts';
import { DomainException, queryPage, type Page, type PageQuery, type Tx } from '@banjie/platform';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook.config';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A delivery taken for one attempt (its lease keeps other dispatchers off it meanwhile). */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  url: string;
  body: string;
  /** The number of this attempt, from 1. */
  attempt: number;
  maxAttempts: number;
}

export interface AttemptRecord {
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
  /** When to try again if this attempt failed and attempts are left. */
  retryAt: Date;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  eventId?: string;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  log: {
    attempt: number;
    attemptedAt: string;
    durationMs: number;
    statusCode: number | null;
    error: string | null;
  }[];
}

const VIEW_COLUMNS = `id, event_id AS "eventId", event_type AS "eventType", url, status, attempts, max_attempts AS "maxAttempts",
  CASE WHEN status = 'pending' THEN next_attempt_at END AS "nextAttemptAt", last_status_code AS "lastStatusCode", last_error AS "lastError",
  created_at AS "createdAt", delivered_at AS "deliveredAt"`;

/** The webhook outbox and its delivery log (`deadline.webhook_deliveries`, `deadline.webhook_delivery_attempts`). */
@Injectable()
export class WebhookDeliveries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {}

  /** In the consumer's transaction: one pending delivery of the event per configured URL; the same event again adds nothing. */
  async enqueue(tx: Tx, envelope: EventEnvelope<string, unknown>): Promise<number> {
    const body = JSON.stringify(envelope);
    let added = 0;
    for (const url of this.config.urls) {
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO deadline.webhook_deliveries (id, event_id, event_type, url, body, max_attempts)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id, url) DO NOTHING RETURNING id`,
        [randomUUID(), envelope.eventId, envelope.type, url, body, this.config.maxAttempts],
      );
      added += inserted.length;
    }
    return added;
  }

  /**
   * Takes up to `limit` due deliveries for one attempt each: the attempt is counted and the next
   * try pushed `leaseMs` ahead at once, so a dispatcher that dies mid-request leaves the delivery
   * to be retried (at least once) and a concurrent dispatcher skips it.
   */
  claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.dataSource
      .query(
        `UPDATE deadline.webhook_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
        WHERE d.id IN (SELECT id FROM deadline.webhook_deliveries
                        WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.url, d.body, d.attempts AS attempt, d.max_attempts AS "maxAttempts"`,
        [limit, leaseMs],
      )
      .then(([rows]: [ClaimedDelivery[]]) => rows);
  }

  /** Logs an attempt and moves the delivery on: delivered, retried at `retryAt`, or failed when no attempt is left. */
  async record(delivery: ClaimedDelivery, attempt: AttemptRecord): Promise<DeliveryStatus | 'superseded'> {
    const next: DeliveryStatus = attempt.delivered
      ? 'delivered'
      : delivery.attempt >= delivery.maxAttempts
        ? 'failed'
        : 'pending';
    return this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO deadline.webhook_delivery_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [
          delivery.id,
          delivery.attempt,
          attempt.attemptedAt,
          attempt.durationMs,
          attempt.statusCode,
          attempt.error,
        ],
      );
      // Only the holder of the current attempt moves the delivery (a dispatcher whose lease ran out does not).
      const [, updated] = (await tx.query(
        `UPDATE deadline.webhook_deliveries
            SET status = $3, last_status_code = $4, last_error = $5,
                delivered_at = CASE WHEN $3 = 'delivered' THEN $6::timestamptz END,
                next_attempt_at = CASE WHEN $3 = 'pending' THEN $7::timestamptz ELSE next_attempt_at END
          WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
        [
          delivery.id,
          delivery.attempt,
          next,
          attempt.statusCode,
          attempt.error,
          attempt.attemptedAt,
          attempt.retryAt,
        ],
      )) as [unknown, number];
      return updated === 1 ? next : 'superseded';
    });
  }

  /** One page of the log, newest first, each delivery with its attempts. */
  async list(filter: DeliveryFilter, query: PageQuery): Promise<Page<DeliveryView>> {
    const deliveries = await queryPage<Omit<DeliveryView, 'log'>>(
      this.dataSource,
      {
        columns: VIEW_COLUMNS,
        from: `FROM deadline.webhook_deliveries
          WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR event_id = $2)`,
        orderBy: 'created_at DESC, id',
        parameters: [filter.status ?? null, filter.eventId ?? null],
      },
      query,
    );
    return { ...deliveries, items: await this.withLog(deliveries.items) };
  }

  /** Gives a failed delivery another full round of attempts; anything else is a conflict. */
  async retry(id: string): Promise<DeliveryView> {
    const [, updated] = (await this.dataSource.query(
      `UPDATE deadline.webhook_deliveries SET status = 'pending', next_attempt_at = now(), max_attempts = attempts + $2
        WHERE id = $1 AND status = 'failed'`,
      [id, this.config.maxAttempts],
    )) as [unknown, number];
    const [current]: Omit<DeliveryView, 'log'>[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM deadline.webhook_deliveries WHERE id = $1`,
      [id],
    );
    if (!current)
      throw new DomainException('not-found', 'WEBHOOK_DELIVERY_NOT_FOUND', `no webhook delivery ${id}`);
    if (updated !== 1) {
      throw new DomainException(
        'conflict',
        'WEBHOOK_DELIVERY_NOT_FAILED',
        `webhook delivery ${id} is ${current.status}; only a failed delivery can be retried`,
        { status: current.status },
      );
    }
    const [view] = await this.withLog([current]);
    return view!;
  }

  private async withLog(deliveries: Omit<DeliveryView, 'log'>[]): Promise<DeliveryView[]> {
    if (deliveries.length === 0) return [];
    const log: (DeliveryView['log'][number] & { deliveryId: string })[] = await this.dataSource.query(
      `SELECT delivery_id AS "deliveryId", attempt, attempted_at AS "attemptedAt", duration_ms AS "durationMs", status_code AS "statusCode", error
         FROM deadline.webhook_delivery_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY attempt`,
      [deliveries.map((d) => d.id)],
    );
    return deliveries.map((d) => ({
      ...d,
      log: log.filter((a) => a.deliveryId === d.id).map(({ deliveryId: _deliveryId, ...a }) => a),
    }));
  }
}
