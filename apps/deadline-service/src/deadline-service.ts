import { runMigrations, serviceDataSourceOptions, startServiceApp } from '@banjie/platform';
import { DeadlineAppModule } from './app.module';
import { deadlineConfig } from './config';
import { deadlineDatabase } from './database/deadline-database';

export const DEADLINE_CONSUMER_GROUP = 'deadline-service';

export function startDeadlineService(env: NodeJS.ProcessEnv = process.env) {
  const config = deadlineConfig(env);
  return startServiceApp(DeadlineAppModule.forConfig(config), config, {
    title: 'Banjie deadline service',
    description: "Temporal worker that keeps every working-day clock, and the supervisors' API.",
    consumerGroup: DEADLINE_CONSUMER_GROUP,
  });
}

export function migrateDeadline(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const config = deadlineConfig(env);
  return runMigrations(
    serviceDataSourceOptions({
      url: config.DATABASE_URL,
      schema: config.databaseSchema,
      ...deadlineDatabase,
    }),
  );
}
