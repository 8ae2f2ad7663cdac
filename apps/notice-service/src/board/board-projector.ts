import type { LocalDate } from '@banjie/domain';
import type { Tx } from '@banjie/platform';
import type { ProjectScope } from '../history/public-history.repository';
import { cardHash } from './card';
import type { CardCalculator } from './card-calculator';
import type { CardRepository, CardVersion, ChangeCause } from './card.repository';

export interface RefreshOutcome {
  /** Cards computed. */
  cards: number;
  /** Codes of the cards that changed (and were published). */
  changed: string[];
}

/**
 * Keeps the stored cards equal to what the history says for a day, publishing exactly the cards
 * that differ: one change event per real change, none for a card that stayed the same.
 */
export class BoardProjector {
  constructor(
    private readonly calculator: CardCalculator,
    private readonly cardRepository: CardRepository,
  ) {}

  async refresh(
    tx: Tx,
    scope: ProjectScope,
    asOf: LocalDate,
    cause: ChangeCause,
    at: Date,
  ): Promise<RefreshOutcome> {
    await this.cardRepository.lockBoard(tx);
    const stored = await this.cardRepository.stored(tx, scope);
    const cards = await this.calculator.cardsAsOf(tx, scope, asOf);
    const changes: CardVersion[] = [];
    for (const card of cards.values()) {
      const hash = cardHash(card);
      const previous = stored.get(card.code);
      if (previous?.hash !== hash) changes.push({ card, hash, version: (previous?.version ?? 0) + 1 });
    }
    await this.publish(tx, changes, cause, asOf, at);
    return { cards: cards.size, changed: changes.map(({ card }) => card.code) };
  }

  /**
   * From scratch: forgets every stored card and computes them all again from the history alone.
   * A card that comes out identical is restored as it was (same version, same time, nothing
   * published); one that differs is published as a REBUILD change, its version still rising.
   */
  async rebuild(tx: Tx, asOf: LocalDate, at: Date): Promise<RefreshOutcome> {
    await this.cardRepository.lockBoard(tx);
    const stored = await this.cardRepository.stored(tx, 'all');
    const published = await this.cardRepository.lastPublishedVersions(tx);
    await this.cardRepository.deleteAll(tx);
    const cards = await this.calculator.cardsAsOf(tx, 'all', asOf);
    const restored: (CardVersion & { changedAt: Date })[] = [];
    const changes: CardVersion[] = [];
    for (const card of cards.values()) {
      const hash = cardHash(card);
      const previous = stored.get(card.code);
      if (previous?.hash === hash)
        restored.push({ card, hash, version: previous.version, changedAt: previous.changedAt });
      else
        changes.push({
          card,
          hash,
          version: Math.max(previous?.version ?? 0, published.get(card.code) ?? 0) + 1,
        });
    }
    await this.cardRepository.restore(tx, restored);
    await this.publish(tx, changes, 'REBUILD', asOf, at);
    return { cards: cards.size, changed: changes.map(({ card }) => card.code) };
  }

  /** Writes the changes (many cards per statement) and tells the stream once, however many there are. */
  private async publish(
    tx: Tx,
    changes: readonly CardVersion[],
    cause: ChangeCause,
    asOf: LocalDate,
    at: Date,
  ): Promise<void> {
    if (changes.length === 0) return;
    await this.cardRepository.change(tx, changes, cause, asOf, at, this.calculator.calendarVersion);
    await this.cardRepository.announceChanges(tx);
  }
}
