import { Module } from '@nestjs/common';
import { DeadlineCalendarModule } from '../calendar/deadline-calendar.module';
import { ProceduresModule } from '../procedures/procedures.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { QuarterTargetRepository } from './quarter-target.repository';
import { QuarterTargetService } from './quarter-target.service';
import { QuarterTargetStarter } from './quarter-target.starter';
import { TargetsController } from './targets.controller';

/** The quarter's completion-rate target: its workflow, its readings and `GET /targets/:quarter`. */
@Module({
  imports: [TemporalClientModule, ProceduresModule, DeadlineCalendarModule],
  controllers: [TargetsController],
  providers: [QuarterTargetRepository, QuarterTargetService, QuarterTargetStarter],
  exports: [QuarterTargetService, QuarterTargetStarter],
})
export class TargetsModule {}
