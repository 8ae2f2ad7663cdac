import type { FlagBoardCard } from '@banjie/contracts';
import type { LocalDate } from '@banjie/domain';
import type { Tx } from '@banjie/platform';
import { projectAsOf, proceduresAsOf } from '../history/facts-as-of';
import type { ProjectScope, PublicHistoryRepository } from '../history/public-history.repository';
import { buildCard, type FlagRules } from './card';

/**
 * Every card is a pure function of the stored public history and a day: today's board, a past
 * day's board and a rebuilt board are all computed here, the same way.
 */
export class CardCalculator {
  constructor(
    private readonly history: PublicHistoryRepository,
    private readonly rules: FlagRules,
  ) {}

  /** The working-day calendar version the cards are computed with. */
  get calendarVersion(): number {
    return this.rules.calendar.version;
  }

  async cardsAsOf(tx: Tx, scope: ProjectScope, asOf: LocalDate): Promise<Map<string, FlagBoardCard>> {
    const [projects, procedures] = await Promise.all([
      this.history.projects(tx, scope, asOf),
      this.history.procedures(tx, scope, asOf),
    ]);
    const cards = new Map<string, FlagBoardCard>();
    for (const [code, entries] of projects) {
      const project = projectAsOf(entries, asOf);
      if (project)
        cards.set(
          code,
          buildCard(project, proceduresAsOf(procedures.get(code) ?? [], asOf), asOf, this.rules),
        );
    }
    return cards;
  }
}
