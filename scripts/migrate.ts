// Applies every service's committed migrations to its own schema: `npm run migrate`. Each service
// migrates itself (`apps/<service>/src/main.ts migrate`), the four in parallel. Uses DATABASE_URL
// (and the other service variables) from the environment, or the local defaults.
import { migrateAll } from '@banjie/testing/stack';
import { localServiceEnvironment } from '@banjie/launcher';

migrateAll(localServiceEnvironment())
  .then((lines) => process.stdout.write(`${lines.join('\n')}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`migration failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
