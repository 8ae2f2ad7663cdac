import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Client, Connection } from '@temporalio/client';
import { EXTRA_HEALTH_CHECKS } from '@banjie/platform';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { EscalationModule } from '../escalations/escalation.module';
import { DeadlineActivitiesProvider } from './deadline.activities';
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
      imports: [TerminusModule, EscalationModule],
      providers: [
        { provide: DEADLINE_CONFIG, useValue: config },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: async () =>
            new Client({ connection: await Connection.connect({ address: config.temporal.address }), namespace: config.temporal.namespace }),
        },
        TemporalHealthIndicator,
        {
          provide: EXTRA_HEALTH_CHECKS,
          useFactory: (temporal: TemporalHealthIndicator) => [() => temporal.check()],
          inject: [TemporalHealthIndicator],
        },
        DeadlineActivitiesProvider,
        TemporalWorkerHost,
        ProjectStartWatchStarter,
      ],
      exports: [DEADLINE_CONFIG, TEMPORAL_CLIENT, ProjectStartWatchStarter, EXTRA_HEALTH_CHECKS],
    };
  }
}
