// `node -r @swc-node/register apps/intake-service/src/main.ts [migrate]`: the service, or its migrations.
import 'reflect-metadata';
import { runServiceCommandLine } from '@banjie/platform';
import { migrateIntake, startIntakeService } from './intake-service';

runServiceCommandLine('intake-service', {
  serve: () => startIntakeService(),
  migrate: () => migrateIntake(),
});
