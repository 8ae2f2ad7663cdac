import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { KafkaHealthIndicator } from './kafka.health';

/** Extra dependency checks a service adds (the deadline service checks Temporal). */
export const EXTRA_HEALTH_CHECKS = Symbol('EXTRA_HEALTH_CHECKS');

/** Something that works but needs a person's attention soon (e.g. next year's calendar is not published). */
export interface HealthWarningSource {
  warnings(): Promise<{ component: string; reason: string }[]>;
}
/** A service's warning source: with a warning, /health answers 200 `{"status":"degraded", "warnings": [...]}`. */
export const HEALTH_WARNINGS = Symbol('HEALTH_WARNINGS');

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    @Optional() @Inject(EXTRA_HEALTH_CHECKS) private readonly extraChecks: HealthIndicatorFunction[] = [],
    @Optional() @Inject(HEALTH_WARNINGS) private readonly warningSource?: HealthWarningSource,
  ) {}

  /**
   * 200 `{"status":"ok"}` when every dependency answers (`"degraded"` with `warnings` when one needs
   * attention soon); 503 naming the one that failed otherwise.
   */
  @Get()
  @HealthCheck()
  async check() {
    const result = await this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 3_000 }),
      () => this.kafka.check('kafka'),
      ...this.extraChecks,
    ]);
    const warnings = (await this.warningSource?.warnings()) ?? [];
    return warnings.length === 0 ? result : { ...result, status: 'degraded', warnings };
  }
}
