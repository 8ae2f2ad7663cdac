import { DataSource, type DataSourceOptions } from 'typeorm';

/** A data source for one command (migrations, a rebuild) rather than a running service: opened, used, closed whatever happens. */
export async function withDataSource<T>(
  options: DataSourceOptions,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
