// `node -r @swc-node/register apps/notice-service/src/main.ts [migrate | rebuild-board]`: the
// service, its migrations, or a rebuild of the board from the stored public history (README).
import 'reflect-metadata';
import { runServiceCommandLine } from '@banjie/platform';
import { migrateNotice, rebuildNoticeBoard, startNoticeService } from './notice-service';

runServiceCommandLine('notice-service', {
  serve: () => startNoticeService(),
  migrate: () => migrateNotice(),
  commands: {
    'rebuild-board': async () => {
      const { cards, changed } = await rebuildNoticeBoard();
      return `flag board rebuilt from the stored history: ${cards} cards, ${changed.length} changed${changed.length ? ` (${changed.join(', ')})` : ''}`;
    },
  },
});
