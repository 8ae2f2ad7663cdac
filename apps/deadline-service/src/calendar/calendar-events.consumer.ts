import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { CalendarChangedV1, Topics, type CalendarChangedPayload } from '@banjie/contracts';
import { EventConsumer, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { ProcedureProjectionRepository } from '../procedures/procedure-projection.repository';
import { CalendarPropagation } from './calendar-propagation';
import { DeadlineCalendar } from './deadline-calendar';
import { DueDateChangeRepository } from './due-date-change.repository';
import { dueDateChanges } from './due-date-changes';

export const CALENDAR_CONSUMER = 'deadline.calendar';

/**
 * Takes each new calendar version from `calendar.v1`: stores it, tells the department and the
 * helpers of every open clock whose due date it moves (old → new), and gives the running
 * workflows the new calendar so they replan their ladders.
 */
@Controller()
export class CalendarEventsConsumer {
  private readonly handlers = [handle(CalendarChangedV1, (envelope, tx) => this.apply(envelope.payload, tx))];
  private readonly tellClocks = async (applied: boolean[]) => {
    if (applied.some(Boolean)) await this.propagation.propagate();
  };

  constructor(
    private readonly events: EventConsumer,
    private readonly calendars: DeadlineCalendar,
    private readonly projection: ProcedureProjectionRepository,
    private readonly dueDates: DueDateChangeRepository,
    private readonly propagation: CalendarPropagation,
  ) {}

  @EventPattern(Topics.CALENDAR)
  async onCalendarChanged(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, CALENDAR_CONSUMER, this.handlers, this.tellClocks);
  }

  private async apply(payload: CalendarChangedPayload, tx: Tx): Promise<boolean> {
    const change = await this.calendars.replica.apply(tx, payload.definition);
    if (change === null) return false;
    for (const moved of dueDateChanges(
      await this.projection.openClocks(tx),
      change.previous,
      change.current,
    )) {
      await this.dueDates.record(tx, moved, change.current.version);
    }
    return true;
  }
}
