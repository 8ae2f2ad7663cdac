import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthIndicatorFunction } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { KafkaHealthIndicator } from './kafka.health';

/** Extra dependency checks a service adds (the deadline service checks Temporal). */
export const EXTRA_HEALTH_CHECKS = Symbol('EXTRA_HEALTH_CHECKS');

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    @Optional() @Inject(EXTRA_HEALTH_CHECKS) private readonly extraChecks: HealthIndicatorFunction[] = [],
  ) {}

  /** 200 `{"status":"ok"}` when every dependency answers; 503 naming the one that failed otherwise. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 3_000 }),
      () => this.kafka.check('kafka'),
      ...this.extraChecks,
    ]);
  }
}
