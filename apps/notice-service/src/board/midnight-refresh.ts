import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { LocalDate } from '@banjie/domain';
import { CLOCK, todayIn, type Clock } from '../clock/clock';
import { BoardUpdater } from './board-updater.service';

/** How often the day is looked at: a new day is picked up within this. */
export const DAY_CHECK_INTERVAL_MS = 1_000;

/**
 * Due-soon and overdue flags turn with the working days, not with events: when a new day begins
 * (Asia/Shanghai midnight) every card is recomputed for it and the cards that changed are
 * published. The day is looked at every second rather than waiting on one long timer, so a
 * clock that jumps (a test's clock, a host waking from suspend) is followed too; a failed refresh
 * is retried at the next look. At boot the board is recomputed for today, catching up days
 * missed while the service was down. Replicas doing this at once are serialised by the board
 * lock; the later ones find nothing left to change.
 */
@Injectable()
export class MidnightRefresh implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MidnightRefresh.name);
  private timer: NodeJS.Timeout | undefined;
  private refreshedFor: LocalDate | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly updater: BoardUpdater,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh(todayIn(this.clock));
    this.timer = setInterval(() => void this.checkDay(), DAY_CHECK_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async checkDay(): Promise<void> {
    const today = todayIn(this.clock);
    if (this.running || today === this.refreshedFor) return;
    this.running = this.refresh(today)
      .catch((error: unknown) =>
        this.logger.error(`board refresh for ${today} failed, retrying: ${(error as Error).message}`),
      )
      .finally(() => (this.running = undefined));
    await this.running;
  }

  private async refresh(day: LocalDate): Promise<void> {
    const outcome = await this.updater.refreshAll(day);
    this.refreshedFor = day;
    this.logger.log(
      `board recomputed for ${day}: ${outcome.changed.length} of ${outcome.cards} cards changed`,
    );
  }
}
