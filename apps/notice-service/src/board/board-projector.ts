import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@banjie/domain';
import type { ProjectScope } from '../history/public-history.repository';
import { cardHash } from './card';
import type { CardCalculator } from './card-calculator';
import type { CardStore, ChangeCause } from './card-store';

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

  async refresh(manager: EntityManager, scope: ProjectScope, asOf: LocalDate, cause: ChangeCause, at: Date): Promise<RefreshOutcome> {
    await this.store.lockBoard(manager);
    const stored = await this.store.stored(manager, scope);
    const cards = await this.calculator.cardsAsOf(manager, scope, asOf);
    const changed: string[] = [];
    for (const card of cards.values()) {
      const hash = cardHash(card);
      const previous = stored.get(card.code);
      if (previous?.hash === hash) continue;
      await this.store.change(manager, card, hash, (previous?.version ?? 0) + 1, cause, asOf, at);
      changed.push(card.code);
    }
    return { cards: cards.size, changed };
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
    const changed: string[] = [];
    for (const card of cards.values()) {
      const hash = cardHash(card);
      const previous = stored.get(card.code);
      if (previous?.hash === hash) {
        await this.store.restore(manager, card, hash, previous.version, previous.changedAt);
        continue;
      }
      const version = Math.max(previous?.version ?? 0, published.get(card.code) ?? 0) + 1;
      await this.store.change(manager, card, hash, version, 'REBUILD', asOf, at);
      changed.push(card.code);
    }
    return { cards: cards.size, changed };
  }
}
