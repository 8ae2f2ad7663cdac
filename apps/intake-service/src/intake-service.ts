import { runMigrations, serviceDataSourceOptions, startServiceApp } from '@banjie/platform';
import { IntakeAppModule } from './app.module';
import { intakeConfig } from './config';
import { intakeDatabase } from './database/intake-database';

/** Intake consumes the approval service's procedure events (completions for the portfolio summary). */
export const INTAKE_CONSUMER_GROUP = 'intake-service';

export function startIntakeService(env: NodeJS.ProcessEnv = process.env) {
  const config = intakeConfig(env);
  return startServiceApp(IntakeAppModule.forConfig(config), config, {
    title: 'Banjie intake service',
    description:
      'The dynamic key-project list (重点项目动态管理清单): projects, lifecycle, procedure plans, portfolio.',
    consumerGroup: INTAKE_CONSUMER_GROUP,
  });
}

export function migrateIntake(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const config = intakeConfig(env);
  return runMigrations(
    serviceDataSourceOptions({ url: config.DATABASE_URL, schema: config.databaseSchema, ...intakeDatabase }),
  );
}
