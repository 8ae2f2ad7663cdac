import type { DataSource, EntityManager } from 'typeorm';
import type { CalendarDefinition } from '@banjie/domain';

/** The one-row table of a consumer's calendar copy (see calendar-replica.migration.ts). */
export class CalendarReplicaRepository {
  constructor(private readonly schema: string) {}

  async version(executor: DataSource | EntityManager): Promise<number> {
    const rows: { version: number }[] = await executor.query(
      `SELECT version FROM "${this.schema}".calendar_definition`,
    );
    return rows[0]?.version ?? 0;
  }

  async load(executor: DataSource | EntityManager): Promise<CalendarDefinition | null> {
    const rows: { definition: CalendarDefinition }[] = await executor.query(
      `SELECT definition FROM "${this.schema}".calendar_definition`,
    );
    return rows[0]?.definition ?? null;
  }

  /** Stores the definition unless an equal or newer version is stored; true when stored. Locks the row for the rest of the transaction. */
  async storeIfNewer(manager: EntityManager, definition: CalendarDefinition): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO "${this.schema}".calendar_definition (singleton, version, definition, received_at) VALUES (true, $1, $2, now())
       ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, definition = EXCLUDED.definition, received_at = now()
        WHERE calendar_definition.version < EXCLUDED.version
       RETURNING version`,
      [definition.version, JSON.stringify(definition)],
    );
    return rows.length > 0;
  }
}
