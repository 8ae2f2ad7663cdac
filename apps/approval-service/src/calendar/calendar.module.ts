import { Module } from '@nestjs/common';
import { CalendarHorizon } from './calendar-horizon';
import { CalendarPublisher } from './calendar-publisher.service';
import { CalendarYears } from './calendar-years.service';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { WorkingDayCalendarService } from './working-day-calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [
    CalendarRepository,
    WorkingDayCalendarService,
    CalendarYears,
    CalendarPublisher,
    CalendarHorizon,
  ],
  exports: [WorkingDayCalendarService, CalendarHorizon],
})
export class CalendarModule {}
