import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EXTRA_HEALTH_CHECKS } from '@banjie/platform';
import { TemporalClientModule } from './temporal-client.module';
import { TemporalHealthIndicator } from './temporal.health';

/** Adds Temporal to `/health`. Global because the platform's health controller looks the extra checks up. */
@Global()
@Module({
  imports: [TerminusModule, TemporalClientModule],
  providers: [
    TemporalHealthIndicator,
    {
      provide: EXTRA_HEALTH_CHECKS,
      useFactory: (temporal: TemporalHealthIndicator) => [() => temporal.check()],
      inject: [TemporalHealthIndicator],
    },
  ],
  exports: [EXTRA_HEALTH_CHECKS],
})
export class TemporalHealthModule {}
