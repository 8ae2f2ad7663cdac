import type { DataSource, EntityManager } from 'typeorm';
import { schemaOf } from '../database/schema-of';

/**
 * Applies an event's effect at most once per consumer: the processed-event row and the effect
 * commit in one transaction, so a redelivered event finds its row and changes nothing.
 * Returns false when the event had already been processed.
 */
export async function applyOnce(
  dataSource: DataSource,
  consumer: string,
  eventId: string,
  effect: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  const schema = schemaOf(dataSource);
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${schema}".processed_events (consumer, event_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, eventId],
    );
    if (inserted.length === 0) return false;
    await effect(manager);
    return true;
  });
}
