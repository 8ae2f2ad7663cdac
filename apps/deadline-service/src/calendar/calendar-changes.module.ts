import { Module } from '@nestjs/common';
import { EscalationModule } from '../escalations/escalation.module';
import { ProceduresModule } from '../procedures/procedures.module';
import { CalendarEventsConsumer } from './calendar-events.consumer';
import { CalendarHorizonWatch } from './calendar-horizon.watch';
import { CalendarPropagation } from './calendar-propagation';
import { DeadlineCalendarModule } from './deadline-calendar.module';
import { DueDateChangeRepository } from './due-date-change.repository';

/**
 * Follows the published calendar: stores each version, tells the due dates it moves, gives the
 * running clocks the new calendar, and warns the admins while next year is not published.
 */
@Module({
  imports: [DeadlineCalendarModule, ProceduresModule, EscalationModule],
  controllers: [CalendarEventsConsumer],
  providers: [DueDateChangeRepository, CalendarPropagation, CalendarHorizonWatch],
  exports: [DueDateChangeRepository, CalendarPropagation, CalendarHorizonWatch],
})
export class CalendarChangesModule {}
