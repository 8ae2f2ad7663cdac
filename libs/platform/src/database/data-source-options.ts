import type { DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { CreatePlatformTables1764300000000 } from './platform-tables.migration';

export interface ServiceDataSourceSpec {
  url: string;
  schema: string;
  entities: (EntitySchema | (new () => object))[];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
}

/**
 * One data source per service, in the service's own schema. Never synchronised: the schema changes
 * only through committed migrations, run by `npm run migrate`.
 */
export function serviceDataSourceOptions(spec: ServiceDataSourceSpec): DataSourceOptions {
  return {
    type: 'postgres',
    url: spec.url,
    schema: spec.schema,
    entities: spec.entities,
    migrations: [CreatePlatformTables1764300000000, ...spec.migrations],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: spec.poolSize ?? 10, application_name: spec.schema },
  };
}
