import { Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { TEMPORAL_CLIENT } from './temporal.tokens';

/** The Temporal client the service starts, signals and queries workflows with. */
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      useFactory: async (config: DeadlineConfig) =>
        new Client({
          connection: await Connection.connect({ address: config.temporal.address }),
          namespace: config.temporal.namespace,
        }),
      inject: [DEADLINE_CONFIG],
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalClientModule {}
