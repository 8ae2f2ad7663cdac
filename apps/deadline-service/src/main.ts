// `node -r @swc-node/register apps/deadline-service/src/main.ts [migrate]`: the service, or its migrations.
import 'reflect-metadata';
import { runServiceCommandLine } from '@banjie/platform';
import { migrateDeadline, startDeadlineService } from './deadline-service';

runServiceCommandLine('deadline-service', {
  serve: () => startDeadlineService(),
  migrate: () => migrateDeadline(),
});
