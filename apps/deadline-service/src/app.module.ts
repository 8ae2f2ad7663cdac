import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@banjie/platform';
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
      controllers: [ProjectDirectoryConsumer, ProcedureEventsConsumer, TargetsController],
      providers: [DeadlineReconciler],
    };
  }
}
