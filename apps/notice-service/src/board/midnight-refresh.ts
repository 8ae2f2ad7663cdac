import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { LocalDate } from '@banjie/domain';
import { PeriodicTask } from '@banjie/platform';
import { CLOCK, todayIn, type Clock } from '../clock/clock';
import { BoardUpdater } from './board-updater.service';

/** How often the day is looked at: a new day is picked up within this. */
export const DAY_CHECK_INTERVAL_MS = 1_000;

/**
 * Due-soon and overdue flags turn with the working days, not with events, and so does waiting for
 * acceptance (the working days waited; WAITING → LAPSED after the window's last day): when a new
 * day begins (Asia/Shanghai midnight) every card — not only those with a running clock — is
 * recomputed for it and the cards that changed are published. The day is looked at every second rather than waiting on one long timer, so a
 * clock that jumps (a test's clock, a host waking from suspend) is followed too; a failed refresh
 * is retried at the next look. At boot the board is recomputed for today, catching up days
 * missed while the service was down. Replicas doing this at once are serialised by the board
 * lock; the later ones find nothing left to change.
 */
@Injectable()
export class MidnightRefresh implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MidnightRefresh.name);
  private readonly task = new PeriodicTask(
    'board refresh for the new day',
    DAY_CHECK_INTERVAL_MS,
    () => this.checkDay(),
    this.logger,
  );
  private refreshedFor: LocalDate | undefined;

  constructor(
    private readonly updater: BoardUpdater,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh(todayIn(this.clock));
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  private async checkDay(): Promise<void> {
    const today = todayIn(this.clock);
    if (today !== this.refreshedFor) await this.refresh(today);
  }

  private async refresh(day: LocalDate): Promise<void> {
    const outcome = await this.updater.refreshAll(day);
    this.refreshedFor = day;
    this.logger.log(
      `board recomputed for ${day}: ${outcome.changed.length} of ${outcome.cards} cards changed`,
    );
  }
}
