import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@banjie/domain';
import type { ProjectScope } from '../history/public-history.repository';
import { cardHash } from './card';
import type { CardCalculator } from './card-calculator';
import type { CardStore, CardVersion, ChangeCause } from './card-store';

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
    private readonly store: CardStore,
  ) {}

  async refresh(
    manager: EntityManager,
    scope: ProjectScope,
    asOf: LocalDate,
    cause: ChangeCause,
    at: Date,
  ): Promise<RefreshOutcome> {
    await this.store.lockBoard(manager);
    const stored = await this.store.stored(manager, scope);
    const cards = await this.calculator.cardsAsOf(manager, scope, asOf);
    const changes: CardVersion[] = [];
    for (const card of cards.values()) {
      const hash = cardHash(card);
      const previous = stored.get(card.code);
      if (previous?.hash !== hash) changes.push({ card, hash, version: (previous?.version ?? 0) + 1 });
    }
    await this.publish(manager, changes, cause, asOf, at);
    return { cards: cards.size, changed: changes.map(({ card }) => card.code) };
  }

  /**
   * From scratch: forgets every stored card and computes them all again from the history alone.
   * A card that comes out identical is restored as it was (same version, same time, nothing
   * published); one that differs is published as a REBUILD change, its version still rising.
   */
  async rebuild(manager: EntityManager, asOf: LocalDate, at: Date): Promise<RefreshOutcome> {
    await this.store.lockBoard(manager);
    const stored = await this.store.stored(manager, 'all');
    const published = await this.store.lastPublishedVersions(manager);
    await this.store.deleteAll(manager);
    const cards = await this.calculator.cardsAsOf(manager, 'all', asOf);
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
    await this.store.restore(manager, restored);
    await this.publish(manager, changes, 'REBUILD', asOf, at);
    return { cards: cards.size, changed: changes.map(({ card }) => card.code) };
  }

  /** Writes the changes (many cards per statement) and tells the stream once, however many there are. */
  private async publish(
    manager: EntityManager,
    changes: readonly CardVersion[],
    cause: ChangeCause,
    asOf: LocalDate,
    at: Date,
  ): Promise<void> {
    if (changes.length === 0) return;
    await this.store.change(manager, changes, cause, asOf, at, this.calculator.calendarVersion);
    await this.store.announceChanges(manager);
  }
}
