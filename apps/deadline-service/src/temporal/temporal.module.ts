import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Client, Connection } from '@temporalio/client';
import { calendarReplicaProvider, EXTRA_HEALTH_CHECKS } from '@banjie/platform';
import { CalendarHorizonWatch } from '../calendar/calendar-horizon.watch';
import { CalendarPropagation } from '../calendar/calendar-propagation';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { DueDateChangeRepository } from '../calendar/due-date-change.repository';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { EscalationModule } from '../escalations/escalation.module';
import { RungNoticesModule } from '../rung-notices/rung-notices.module';
import { ProcedureProjectionRepository } from '../procedures/procedure-projection.repository';
import { QuarterTargetService } from '../targets/quarter-target.service';
import { QuarterTargetStarter } from '../targets/quarter-target.starter';
import { DeadlineActivitiesProvider } from './deadline.activities';
import { ProcedureDeadlineClient } from './procedure-deadline.client';
import { ProjectStartWatchStarter } from './project-start-watch.starter';
import { TemporalHealthIndicator } from './temporal.health';
import { TEMPORAL_CLIENT } from './temporal.tokens';
import { TemporalWorkerHost } from './temporal-worker.host';

@Global()
@Module({})
export class TemporalModule {
  static forConfig(config: DeadlineConfig): DynamicModule {
    return {
      module: TemporalModule,
      imports: [TerminusModule, EscalationModule, RungNoticesModule],
      providers: [
        { provide: DEADLINE_CONFIG, useValue: config },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: async () =>
            new Client({
              connection: await Connection.connect({ address: config.temporal.address }),
              namespace: config.temporal.namespace,
            }),
        },
        TemporalHealthIndicator,
        {
          provide: EXTRA_HEALTH_CHECKS,
          useFactory: (temporal: TemporalHealthIndicator) => [() => temporal.check()],
          inject: [TemporalHealthIndicator],
        },
        calendarReplicaProvider('deadline'),
        DeadlineCalendar,
        ProcedureProjectionRepository,
        QuarterTargetService,
        QuarterTargetStarter,
        DeadlineActivitiesProvider,
        TemporalWorkerHost,
        ProjectStartWatchStarter,
        ProcedureDeadlineClient,
        DueDateChangeRepository,
        CalendarPropagation,
        CalendarHorizonWatch,
      ],
      exports: [
        DEADLINE_CONFIG,
        TEMPORAL_CLIENT,
        EXTRA_HEALTH_CHECKS,
        DeadlineCalendar,
        ProcedureProjectionRepository,
        QuarterTargetService,
        QuarterTargetStarter,
        ProjectStartWatchStarter,
        ProcedureDeadlineClient,
        DueDateChangeRepository,
        CalendarPropagation,
        CalendarHorizonWatch,
      ],
    };
  }
}
