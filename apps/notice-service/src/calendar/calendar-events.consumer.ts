import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { CalendarChangedV1, Topics } from '@banjie/contracts';
import { CalendarReplica, EventConsumer, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { BoardUpdater } from '../board/board-updater.service';

export const CALENDAR_CONSUMER = 'notice.calendar';

/** Each new calendar version from `calendar.v1`: stored, and every card recomputed with it (due dates, flags, 暂定) in the same transaction. */
@Controller()
export class CalendarEventsConsumer {
  private readonly handlers = [
    handle(
      CalendarChangedV1,
      async (envelope, tx: Tx) => (await this.calendar.apply(tx, envelope.payload.definition)) !== null,
    ),
  ];
  private readonly recomputeBoard = async (applied: boolean[], tx: Tx) => {
    if (applied.some(Boolean)) await this.updater.recomputeAll(tx);
  };

  constructor(
    private readonly events: EventConsumer,
    private readonly calendar: CalendarReplica,
    private readonly updater: BoardUpdater,
  ) {}

  @EventPattern(Topics.CALENDAR)
  async onCalendarChanged(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, CALENDAR_CONSUMER, this.handlers, this.recomputeBoard);
  }
}
