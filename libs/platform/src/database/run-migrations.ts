import type { DataSourceOptions } from 'typeorm';
import { withDataSource } from './with-data-source';

/** Creates the service's schema if needed and applies its pending migrations. */
export function runMigrations(options: DataSourceOptions & { schema?: string }): Promise<string[]> {
  return withDataSource(options, async (dataSource) => {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}
