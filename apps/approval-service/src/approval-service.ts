import { runMigrations, serviceDataSourceOptions, startServiceApp } from '@banjie/platform';
import { ApprovalAppModule } from './app.module';
import { approvalConfig } from './config';
import { approvalDatabase } from './database/approval-database';

export const APPROVAL_CONSUMER_GROUP = 'approval-service';

export function startApprovalService(env: NodeJS.ProcessEnv = process.env) {
  const config = approvalConfig(env);
  return startServiceApp(ApprovalAppModule.forConfig(config), config, {
    title: 'Banjie approval service',
    description:
      "The approving departments' procedures: actions, per-department authorisation, working-day clocks, audit trail.",
    consumerGroup: APPROVAL_CONSUMER_GROUP,
  });
}

export function migrateApproval(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const config = approvalConfig(env);
  return runMigrations(
    serviceDataSourceOptions({
      url: config.DATABASE_URL,
      schema: config.databaseSchema,
      ...approvalDatabase,
    }),
  );
}
