import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@banjie/platform';
import { CalendarEventsConsumer } from './calendar/calendar-events.consumer';
import { ClocksController } from './clocks/clocks.controller';
import type { DeadlineConfig } from './config';
import { deadlineDatabase } from './database/deadline-database';
import { EscalationModule } from './escalations/escalation.module';
import { ProcedureEventsConsumer } from './procedures/procedure-events.consumer';
import { ProjectDirectoryConsumer } from './projects/project-directory.consumer';
import { DeadlineReconciler } from './reconciler/deadline.reconciler';
import { TargetsController } from './targets/targets.controller';
import { TemporalModule } from './temporal/temporal.module';
import { WebhookModule } from './webhooks/webhook.module';

@Module({})
export class DeadlineAppModule {
  static forConfig(config: DeadlineConfig): DynamicModule {
    return {
      module: DeadlineAppModule,
      imports: [
        PlatformModule.forService({ config, database: deadlineDatabase, publishesEvents: true }),
        TemporalModule.forConfig(config),
        EscalationModule,
        ...(config.webhooks ? [WebhookModule.forConfig(config.webhooks)] : []),
      ],
      controllers: [
        ProjectDirectoryConsumer,
        ProcedureEventsConsumer,
        CalendarEventsConsumer,
        TargetsController,
        ClocksController,
      ],
      providers: [DeadlineReconciler],
    };
  }
}
