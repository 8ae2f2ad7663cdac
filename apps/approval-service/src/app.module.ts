import { Module, type DynamicModule } from '@nestjs/common';
import { HEALTH_WARNINGS, PlatformModule } from '@banjie/platform';
import { AcceptanceModule } from './acceptance/acceptance.module';
import { CalendarHorizon } from './calendar/calendar-horizon';
import { CalendarModule } from './calendar/calendar.module';
import { APPROVAL_CONFIG, type ApprovalConfig } from './config';
import { approvalDatabase } from './database/approval-database';
import { PlanModule } from './plans/plan.module';
import { ProcedureModule } from './procedures/procedure.module';
import { ProjectDirectoryModule } from './projects/project-directory.module';
import { DelaysModule } from './delays/delays.module';

@Module({})
export class ApprovalAppModule {
  static forConfig(config: ApprovalConfig): DynamicModule {
    return {
      module: ApprovalAppModule,
      global: true,
      imports: [
        PlatformModule.forService({ config, database: approvalDatabase, publishesEvents: true }),
        CalendarModule,
        ProjectDirectoryModule,
        ProcedureModule,
        PlanModule,
        AcceptanceModule,
        DelaysModule,
      ],
      providers: [
        { provide: APPROVAL_CONFIG, useValue: config },
        { provide: HEALTH_WARNINGS, useExisting: CalendarHorizon },
      ],
      exports: [APPROVAL_CONFIG, HEALTH_WARNINGS],
    };
  }
}
