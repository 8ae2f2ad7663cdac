// `npm run rebuild-board`: rebuilds the public flag board's projection from the notice service's
// stored public event history (local defaults, or the environment's DATABASE_URL etc.), by the
// notice service's own `rebuild-board` command.
import { runServiceCommand } from '@banjie/testing/stack';
import { localServiceEnvironment } from '@banjie/launcher';

runServiceCommand('notice-service', 'rebuild-board', localServiceEnvironment())
  .then((line) => process.stdout.write(`${line}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`rebuild-board: ${(error as Error).message}\n`);
    process.exit(1);
  });
