import type { DataSource, EntityManager } from 'typeorm';
import { schemaOf } from '../database/schema-of';

/**
 * Applies events' effects at most once per consumer: the processed-event rows and the effect
 * commit in one transaction, so a redelivered event finds its row and changes nothing. The effect
 * gets the events not processed before (each once, in the given order); returns them.
 */
export async function applyOnce<T extends { eventId: string }>(
  dataSource: DataSource,
  consumer: string,
  events: readonly T[],
  effect: (fresh: T[], manager: EntityManager) => Promise<void>,
): Promise<T[]> {
  const schema = schemaOf(dataSource);
  return dataSource.transaction(async (manager) => {
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO "${schema}".processed_events (consumer, event_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, events.map((event) => event.eventId)],
    );
    const unseen = new Set(inserted.map((row) => row.event_id));
    const fresh = events.filter((event) => unseen.delete(event.eventId.toLowerCase()));
    if (fresh.length > 0) await effect(fresh, manager);
    return fresh;
  });
}
