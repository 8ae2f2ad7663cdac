import { Module } from '@nestjs/common';
import { AcceptanceModule } from '../acceptance/acceptance.module';
import { DeadlineCalendarModule } from '../calendar/deadline-calendar.module';
import { EscalationModule } from '../escalations/escalation.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { ProcedureDeadlineClient } from './procedure-deadline.client';
import { ProcedureEventsConsumer } from './procedure-events.consumer';
import { ProcedureProjectionModule } from './procedure-projection.module';

/** The projection of the approval events, the clock workflow of each accepted application and the acceptance window of each submitted one. */
@Module({
  imports: [
    TemporalClientModule,
    DeadlineCalendarModule,
    EscalationModule,
    ProcedureProjectionModule,
    AcceptanceModule,
  ],
  controllers: [ProcedureEventsConsumer],
  providers: [ProcedureDeadlineClient],
  exports: [ProcedureProjectionModule, ProcedureDeadlineClient, AcceptanceModule],
})
export class ProceduresModule {}
