import { Module } from '@nestjs/common';
import { DeadlineCalendarModule } from '../calendar/deadline-calendar.module';
import { EscalationModule } from '../escalations/escalation.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { ProcedureDeadlineClient } from './procedure-deadline.client';
import { ProcedureEventsConsumer } from './procedure-events.consumer';
import { ProcedureProjectionRepository } from './procedure-projection.repository';

/** The projection of the approval events and the clock workflow of each accepted application. */
@Module({
  imports: [TemporalClientModule, DeadlineCalendarModule, EscalationModule],
  controllers: [ProcedureEventsConsumer],
  providers: [ProcedureProjectionRepository, ProcedureDeadlineClient],
  exports: [ProcedureProjectionRepository, ProcedureDeadlineClient],
})
export class ProceduresModule {}
