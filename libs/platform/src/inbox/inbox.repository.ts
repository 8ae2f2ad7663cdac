import { schemaOf } from '../database/schema-of';
import type { Tx } from '../database/transactions';

/** The events each consumer has processed (see platform-tables.migration.ts), in the transaction's schema. */
export class InboxRepository {
  /**
   * Records the events as processed by `consumer`, in the caller's transaction; returns the ids
   * (as PostgreSQL spells a uuid: lower case) that were not recorded before.
   */
  async recordProcessed(tx: Tx, consumer: string, eventIds: readonly string[]): Promise<string[]> {
    const inserted: { eventId: string }[] = await tx.query(
      `INSERT INTO "${schemaOf(tx.connection)}".processed_events (consumer, event_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING event_id AS "eventId"`,
      [consumer, eventIds],
    );
    return inserted.map((row) => row.eventId);
  }
}
