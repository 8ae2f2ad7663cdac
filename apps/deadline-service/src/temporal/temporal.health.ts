import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { withTimeout } from '@banjie/platform';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { TEMPORAL_CLIENT } from './temporal.tokens';

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  async check() {
    const status = this.indicator.check('temporal');
    try {
      await withTimeout(
        this.client.workflowService.describeNamespace({ namespace: this.config.temporal.namespace }),
        3_000,
      );
      return status.up();
    } catch (error) {
      return status.down({ message: (error as Error).message });
    }
  }
}
