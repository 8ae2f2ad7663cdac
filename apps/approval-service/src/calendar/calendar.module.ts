import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { WorkingDayCalendarService } from './working-day-calendar.service';

@Module({ controllers: [CalendarController], providers: [WorkingDayCalendarService], exports: [WorkingDayCalendarService] })
export class CalendarModule {}
