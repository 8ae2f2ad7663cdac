import { Inject, Injectable } from '@nestjs/common';
import type { LocalDate } from '@banjie/domain';
import { Transactions, type Tx } from '@banjie/platform';
import { CLOCK, todayIn, type Clock } from '../clock/clock';
import { PublicHistoryRepository, type RecordedEvent } from '../history/public-history.repository';
import {
  procedureHistoryEntry,
  projectHistoryEntry,
  type PublicProcedureEvent,
  type PublicProjectEvent,
} from '../history/public-facts';
import type { BoardProjector, RefreshOutcome } from './board-projector';
import { BOARD_PROJECTOR } from './board.tokens';

/** The write side of the board: events into the history, card changes out (in the events' own transaction). */
@Injectable()
export class BoardUpdater {
  constructor(
    private readonly transactions: Transactions,
    private readonly history: PublicHistoryRepository,
    @Inject(BOARD_PROJECTOR) private readonly projector: BoardProjector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records a project event in the history; returns the project whose card it may change. */
  async recordProjectEvent(envelope: PublicProjectEvent & RecordedEvent, tx: Tx): Promise<string> {
    const entry = projectHistoryEntry(envelope);
    await this.history.recordProject(tx, envelope, entry);
    return entry.facts.code;
  }

  /** Records a procedure event in the history; returns the project whose card it may change. */
  async recordProcedureEvent(envelope: PublicProcedureEvent & RecordedEvent, tx: Tx): Promise<string> {
    const entry = procedureHistoryEntry(envelope);
    await this.history.recordProcedure(tx, envelope, entry);
    return entry.facts.projectCode;
  }

  /** Brings the cards of these projects up to date with what was recorded, once however many events each had. */
  async refreshCards(projectCodes: string[], tx: Tx): Promise<void> {
    await this.projector.refresh(
      tx,
      [...new Set(projectCodes)],
      todayIn(this.clock),
      'EVENT',
      this.clock.now(),
    );
  }

  /** Recomputes every card with a new working-day calendar, inside the transaction that stored it. */
  async recomputeAll(tx: Tx): Promise<RefreshOutcome> {
    return this.projector.refresh(tx, 'all', todayIn(this.clock), 'REBUILD', this.clock.now());
  }

  /** Recomputes every card for a day that has begun: flags that turn with time alone. */
  refreshAll(asOf: LocalDate): Promise<RefreshOutcome> {
    return this.transactions.run((tx) => this.projector.refresh(tx, 'all', asOf, 'TIME', this.clock.now()));
  }
}
