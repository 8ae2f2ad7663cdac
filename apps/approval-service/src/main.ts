// `node -r @swc-node/register apps/approval-service/src/main.ts [migrate]`: the service, or its migrations.
import 'reflect-metadata';
import { runServiceCommandLine } from '@banjie/platform';
import { migrateApproval, startApprovalService } from './approval-service';

runServiceCommandLine('approval-service', {
  serve: () => startApprovalService(),
  migrate: () => migrateApproval(),
});
