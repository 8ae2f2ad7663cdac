// `npm run rebuild-board`: rebuilds the public flag board's projection from the notice service's
// stored public event history (local defaults, or the environment's DATABASE_URL etc.).
import 'reflect-metadata';
import { rebuildNoticeBoard } from '../apps/notice-service/src/notice-service';
import { localServiceEnvironment } from '../infra/launcher/local-environment';

rebuildNoticeBoard(localServiceEnvironment())
  .then(({ cards, changed }) =>
    process.stdout.write(`flag board rebuilt: ${cards} cards, ${changed.length} changed\n`),
  )
  .catch((error: unknown) => {
    process.stderr.write(`rebuild-board: ${(error as Error).message}\n`);
    process.exit(1);
  });
