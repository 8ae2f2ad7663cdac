import { Inject, Injectable } from '@nestjs/common';
import type { FlagBoardCard } from '@banjie/contracts';
import { DomainException, Transactions } from '@banjie/platform';
import { CLOCK, todayIn, type Clock } from '../clock/clock';
import { NOTICE_CONFIG, type NoticeConfig } from '../config';
import { boardView, type BoardFilters, type BoardView } from './board-view';
import { CARD_CALCULATOR } from './board.tokens';
import type { CardCalculator } from './card-calculator';
import { CardRepository } from './card.repository';
import { pastDay } from './past-day';

export interface ProjectCardView {
  asOf: string;
  /** Grows by one with every change of the card (null for a past day's card). */
  cardVersion: number | null;
  changedAt: string | null;
  card: FlagBoardCard;
}

/**
 * The read side. Today's board comes from the stored cards (fast); a past day's board is computed
 * from the public history, exactly as the stored cards were.
 */
@Injectable()
export class BoardReader {
  constructor(
    private readonly transactions: Transactions,
    private readonly cardRepository: CardRepository,
    @Inject(CARD_CALCULATOR) private readonly calculator: CardCalculator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTICE_CONFIG) private readonly config: NoticeConfig,
  ) {}

  async board(filters: BoardFilters, asOf?: string): Promise<BoardView> {
    const meta = { dueSoonWorkingDays: this.config.dueSoonWorkingDays };
    if (asOf !== undefined) {
      const day = this.pastDay(asOf);
      const cards = await this.transactions.run((tx) => this.calculator.cardsAsOf(tx, 'all', day));
      return boardView([...cards.values()], filters, {
        ...meta,
        asOf: day,
        lastChangeId: null,
        updatedAt: null,
      });
    }
    // The change id is read before the cards: a change racing this read is replayed to the client, never lost.
    const lastChangeId = await this.cardRepository.lastChangeId();
    const stored = await this.cardRepository.cards();
    const updatedAt = stored.reduce<Date | null>(
      (latest, row) => (latest === null || row.changedAt > latest ? row.changedAt : latest),
      null,
    );
    return boardView(
      stored.map((row) => row.card),
      filters,
      { ...meta, asOf: todayIn(this.clock), lastChangeId, updatedAt: updatedAt?.toISOString() ?? null },
    );
  }

  async project(code: string, asOf?: string): Promise<ProjectCardView> {
    if (asOf !== undefined) {
      const day = this.pastDay(asOf);
      const cards = await this.transactions.run((tx) => this.calculator.cardsAsOf(tx, [code], day));
      const card = cards.get(code);
      if (!card) throw notListed(code, `on ${day}`);
      return { asOf: day, cardVersion: null, changedAt: null, card };
    }
    const [stored] = await this.cardRepository.cards(code);
    if (!stored) throw notListed(code, 'today');
    return {
      asOf: todayIn(this.clock),
      cardVersion: stored.version,
      changedAt: stored.changedAt.toISOString(),
      card: stored.card,
    };
  }

  private pastDay(asOf: string) {
    return pastDay(asOf, todayIn(this.clock));
  }
}

function notListed(code: string, when: string): DomainException {
  return new DomainException(
    'not-found',
    'PROJECT_NOT_ON_BOARD',
    `project ${code} is not on the public board ${when}`,
  );
}
