// Rebuilds the public board from the notice service's stored event history:
//   node -r @swc-node/register apps/notice-service/src/rebuild-board.ts   (the service's environment: DATABASE_URL, …)
import 'reflect-metadata';
import { runService } from '@banjie/platform';
import { rebuildNoticeBoard } from './notice-service';

runService(async () => {
  const { cards, changed } = await rebuildNoticeBoard();
  process.stdout.write(
    `flag board rebuilt from the stored history: ${cards} cards, ${changed.length} changed${changed.length ? ` (${changed.join(', ')})` : ''}\n`,
  );
});
