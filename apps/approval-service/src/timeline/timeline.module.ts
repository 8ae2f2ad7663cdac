import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ProcedureModule } from '../procedures/procedure.module';
import { ApplicationHistoryRepository } from './application-history.repository';
import { ProcedureTimelineController } from './timeline.controller';
import { ProcedureTimelineService } from './timeline.service';

/** Whose clock, per procedure: `GET /procedures/:id/timeline`. */
@Module({
  imports: [CalendarModule, ProcedureModule],
  controllers: [ProcedureTimelineController],
  providers: [ApplicationHistoryRepository, ProcedureTimelineService],
  exports: [ApplicationHistoryRepository],
})
export class ProcedureTimelineModule {}
