import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ProcedureTimelineModule } from '../timeline/timeline.module';
import { DelaysController } from './delays.controller';
import { DelaysRepository } from './delays.repository';
import { DelaysService } from './delays.service';

/** Whose clock, summed: `GET /reports/delays` (and, through its import, each procedure's timeline). */
@Module({
  imports: [CalendarModule, ProcedureTimelineModule],
  controllers: [DelaysController],
  providers: [DelaysRepository, DelaysService],
})
export class DelaysModule {}
