import type { EventEnvelope } from '@banjie/contracts';
import { schemaOf } from '../database/schema-of';
import type { Tx } from '../database/transactions';

/** Each service's relay listens on its own channel: `<schema>_outbox`. */
export const outboxChannel = (schema: string): string => `${schema}_outbox`;

/** An unpublished event as the relay claims it. */
export interface ClaimedOutboxRow {
  /** bigint, in commit order: pg returns it as text. */
  id: string;
  topic: string;
  messageKey: string;
  envelope: Pick<EventEnvelope<string, unknown>, 'eventId' | 'type' | 'correlationId'>;
}

/**
 * The service's outbox table (see platform-tables.migration.ts), in the schema its transaction's
 * data source owns: events appended with the state change they report, then claimed by the relay.
 */
export class OutboxRepository {
  /**
   * Appends the envelopes to `topic` in the given order, and wakes the relay (NOTIFY on commit).
   * The wake-up rides on the INSERT (a data-modifying WITH runs once): one round trip per append.
   */
  async append(tx: Tx, topic: string, envelopes: readonly EventEnvelope<string, unknown>[]): Promise<void> {
    const schema = schemaOf(tx.connection);
    // One JSON document rather than array parameters, which pg escapes element by element (slowly).
    const rows = JSON.stringify(
      envelopes.map((envelope) => ({
        event_id: envelope.eventId,
        message_key: envelope.aggregateId,
        envelope,
      })),
    );
    await tx.query(
      `WITH appended AS (
         INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope)
         SELECT event_id, $1, message_key, envelope FROM jsonb_to_recordset($2::jsonb) AS event(event_id uuid, message_key text, envelope jsonb)
       )
       SELECT pg_notify($3, NULL)`,
      [topic, rows, outboxChannel(schema)],
    );
  }

  /**
   * Claims and marks published the oldest `limit` unpublished rows that no other transaction holds
   * (FOR UPDATE SKIP LOCKED), oldest first: the mark commits or rolls back with the caller's
   * transaction.
   */
  async claimOldestUnpublished(tx: Tx, limit: number): Promise<ClaimedOutboxRow[]> {
    const table = `"${schemaOf(tx.connection)}".outbox`;
    const [claimed]: [ClaimedOutboxRow[], number] = await tx.query(
      `UPDATE ${table} SET published_at = now()
        WHERE id IN (SELECT id FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, topic, message_key AS "messageKey", envelope`,
      [limit],
    );
    return claimed.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  }
}
