import { Module } from '@nestjs/common';
import { AcceptanceModule } from '../acceptance/acceptance.module';
import { EscalationModule } from '../escalations/escalation.module';
import { RungNoticesModule } from '../rung-notices/rung-notices.module';
import { TargetsModule } from '../targets/targets.module';
import { DeadlineActivitiesProvider } from './deadline.activities';
import { TemporalWorkerHost } from './temporal-worker.host';

/** The Temporal worker that runs Banjie's workflows, with the service's activities bound in. */
@Module({
  imports: [EscalationModule, RungNoticesModule, TargetsModule, AcceptanceModule],
  providers: [DeadlineActivitiesProvider, TemporalWorkerHost],
})
export class TemporalWorkerModule {}
