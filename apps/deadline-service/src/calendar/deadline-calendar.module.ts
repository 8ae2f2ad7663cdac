import { Module } from '@nestjs/common';
import { calendarReplicaProvider } from '@banjie/platform';
import { DeadlineCalendar } from './deadline-calendar';

/** The service's copy of the published working-day calendar and the snapshots workflows carry. */
@Module({
  providers: [calendarReplicaProvider('deadline'), DeadlineCalendar],
  exports: [DeadlineCalendar],
})
export class DeadlineCalendarModule {}
