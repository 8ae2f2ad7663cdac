import type { DataSource } from 'typeorm';

/** The Postgres schema a service's data source owns (every Banjie data source names one). */
export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('every Banjie data source names its schema');
  return schema;
}
