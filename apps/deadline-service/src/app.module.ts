import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@banjie/platform';
import { CalendarChangesModule } from './calendar/calendar-changes.module';
import { ClocksModule } from './clocks/clocks.module';
import type { DeadlineConfig } from './config';
import { DeadlineConfigModule } from './config.module';
import { deadlineDatabase } from './database/deadline-database';
import { EscalationModule } from './escalations/escalation.module';
import { ProceduresModule } from './procedures/procedures.module';
import { ProjectsModule } from './projects/projects.module';
import { ReconcilerModule } from './reconciler/reconciler.module';
import { TargetsModule } from './targets/targets.module';
import { TemporalHealthModule } from './temporal/temporal-health.module';
import { TemporalWorkerModule } from './temporal/temporal-worker.module';
import { WebhookModule } from './webhooks/webhook.module';

@Module({})
export class DeadlineAppModule {
  static forConfig(config: DeadlineConfig): DynamicModule {
    return {
      module: DeadlineAppModule,
      imports: [
        PlatformModule.forService({ config, database: deadlineDatabase, publishesEvents: true }),
        DeadlineConfigModule.forConfig(config),
        TemporalHealthModule,
        TemporalWorkerModule,
        EscalationModule,
        ...(config.webhooks ? [WebhookModule.forConfig(config.webhooks)] : []),
        ProjectsModule,
        ProceduresModule,
        CalendarChangesModule,
        TargetsModule,
        ClocksModule,
        ReconcilerModule,
      ],
    };
  }
}
