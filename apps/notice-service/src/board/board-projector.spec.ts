import type { FlagBoardCard } from '@banjie/contracts';
import { parseLocalDate } from '@banjie/domain';
import type { Tx } from '@banjie/platform';
import { BoardProjector } from './board-projector';
import { cardHash } from './card';
import type { CardCalculator } from './card-calculator';
import type { CardRepository, CardVersion, StoredCard } from './card.repository';

const tx = {} as Tx;
const asOf = parseLocalDate('2026-11-27');
const at = new Date('2026-11-27T01:00:00Z');
const earlier = new Date('2026-11-20T01:00:00Z');

// The projector only compares and counts cards: a code and a name stand for a whole card here.
const card = (code: string, name: string) => ({ code, name }) as unknown as FlagBoardCard;
const storedAs = (shown: FlagBoardCard, version: number): StoredCard => ({
  version,
  hash: cardHash(shown),
  changedAt: earlier,
});

/** A card repository that records the writes it is asked for. */
function recordingRepository(stored: Map<string, StoredCard>, published = new Map<string, number>()) {
  const writes: {
    restored: string[][];
    changed: { codes: string[]; versions: number[]; cause: string }[];
    announcements: number;
  } = { restored: [], changed: [], announcements: 0 };
  const codes = (cards: readonly CardVersion[]) => cards.map((entry) => entry.card.code);
  const cardRepository = {
    lockBoard: async () => undefined,
    stored: async () => stored,
    lastPublishedVersions: async () => published,
    deleteAll: async () => undefined,
    restore: async (_: Tx, cards: readonly CardVersion[]) => void writes.restored.push(codes(cards)),
    change: async (_: Tx, cards: readonly CardVersion[], cause: string) =>
      void writes.changed.push({ codes: codes(cards), versions: cards.map((entry) => entry.version), cause }),
    announceChanges: async () => void (writes.announcements += 1),
  } as unknown as CardRepository;
  return { cardRepository, writes };
}

const calculating = (...cards: FlagBoardCard[]) =>
  ({
    cardsAsOf: async () => new Map(cards.map((shown) => [shown.code, shown])),
  }) as unknown as CardCalculator;

describe('BoardProjector', () => {
  it('refresh writes every changed card in one go and tells the stream once', async () => {
    const same = card('BJ-1', 'unchanged');
    const { cardRepository, writes } = recordingRepository(
      new Map([
        ['BJ-1', storedAs(same, 3)],
        ['BJ-2', storedAs(card('BJ-2', 'before'), 7)],
      ]),
    );
    const projector = new BoardProjector(
      calculating(same, card('BJ-2', 'after'), card('BJ-3', 'new')),
      cardRepository,
    );

    expect(await projector.refresh(tx, 'all', asOf, 'TIME', at)).toEqual({
      cards: 3,
      changed: ['BJ-2', 'BJ-3'],
    });
    expect(writes.changed).toEqual([{ codes: ['BJ-2', 'BJ-3'], versions: [8, 1], cause: 'TIME' }]);
    expect(writes.announcements).toBe(1);
  });

  it('refresh writes and announces nothing when no card changed', async () => {
    const same = card('BJ-1', 'unchanged');
    const { cardRepository, writes } = recordingRepository(new Map([['BJ-1', storedAs(same, 3)]]));

    expect(
      await new BoardProjector(calculating(same), cardRepository).refresh(tx, ['BJ-1'], asOf, 'EVENT', at),
    ).toEqual({ cards: 1, changed: [] });
    expect(writes).toEqual({ restored: [], changed: [], announcements: 0 });
  });

  it('rebuild restores identical cards as they were and publishes the others with versions still rising', async () => {
    const same = card('BJ-1', 'unchanged');
    // BJ-2 was lost from the cards after reaching version 9 in the feed; BJ-3 was damaged.
    const { cardRepository, writes } = recordingRepository(
      new Map([
        ['BJ-1', storedAs(same, 3)],
        ['BJ-3', storedAs(card('BJ-3', 'damaged'), 2)],
      ]),
      new Map([
        ['BJ-2', 9],
        ['BJ-3', 2],
      ]),
    );
    const projector = new BoardProjector(
      calculating(same, card('BJ-2', 'lost'), card('BJ-3', 'repaired')),
      cardRepository,
    );

    expect(await projector.rebuild(tx, asOf, at)).toEqual({ cards: 3, changed: ['BJ-2', 'BJ-3'] });
    expect(writes.restored).toEqual([['BJ-1']]);
    expect(writes.changed).toEqual([{ codes: ['BJ-2', 'BJ-3'], versions: [10, 3], cause: 'REBUILD' }]);
    expect(writes.announcements).toBe(1);
  });
});
