import type { FactoryProvider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CalendarDefinition } from '@banjie/domain';
import type { Tx } from '../database/transactions';

/**
 * The one-row table of a consumer's calendar copy (see calendar-replica.migration.ts): read through
 * the pool, or inside the caller's transaction when given one.
 */
export class CalendarReplicaRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async version(): Promise<number> {
    const rows: { version: number }[] = await this.dataSource.query(
      `SELECT version FROM "${this.schema}".calendar_definition`,
    );
    return rows[0]?.version ?? 0;
  }

  async load(tx: Tx = this.dataSource.manager): Promise<CalendarDefinition | null> {
    const rows: { definition: CalendarDefinition }[] = await tx.query(
      `SELECT definition FROM "${this.schema}".calendar_definition`,
    );
    return rows[0]?.definition ?? null;
  }

  /** Stores the definition unless an equal or newer version is stored; true when stored. Locks the row for the rest of the transaction. */
  async storeIfNewer(tx: Tx, definition: CalendarDefinition): Promise<boolean> {
    const rows: { version: number }[] = await tx.query(
      `INSERT INTO "${this.schema}".calendar_definition (singleton, version, definition, received_at) VALUES (true, $1, $2, now())
       ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, definition = EXCLUDED.definition, received_at = now()
        WHERE calendar_definition.version < EXCLUDED.version
       RETURNING version`,
      [definition.version, JSON.stringify(definition)],
    );
    return rows.length > 0;
  }
}

/**
 * The factory half of a provider built on the calendar table in `schema` of the service's data
 * source (named here, where data access lives).
 */
export function onCalendarReplicaRepository<T>(
  schema: string,
  build: (repository: CalendarReplicaRepository) => T,
): Pick<FactoryProvider<T>, 'inject' | 'useFactory'> {
  return {
    inject: [DataSource],
    useFactory: (dataSource: DataSource) => build(new CalendarReplicaRepository(dataSource, schema)),
  };
}
