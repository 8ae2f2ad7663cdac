// Applies every service's committed migrations to its own schema: `npm run migrate`.
// Uses DATABASE_URL (and the other service variables) from the environment, or the local defaults.
import 'reflect-metadata';
import { migrateApproval } from '../apps/approval-service/src/approval-service';
import { migrateDeadline } from '../apps/deadline-service/src/deadline-service';
import { migrateIntake } from '../apps/intake-service/src/intake-service';
import { migrateNotice } from '../apps/notice-service/src/notice-service';
import { localServiceEnvironment } from '../infra/launcher/local-environment';

export const serviceMigrations: Record<string, (env: NodeJS.ProcessEnv) => Promise<string[]>> = {
  intake: migrateIntake,
  approval: migrateApproval,
  notice: migrateNotice,
  deadline: migrateDeadline,
};

export async function migrateAll(env: NodeJS.ProcessEnv): Promise<void> {
  for (const [service, migrate] of Object.entries(serviceMigrations)) {
    const applied = await migrate(env);
    process.stdout.write(
      `${service}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}\n`,
    );
  }
}

if (require.main === module) {
  migrateAll(localServiceEnvironment()).catch((error: unknown) => {
    process.stderr.write(`migration failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
