import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';

/** One Prometheus registry per service, with Node's default process metrics. */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.registry.setDefaultLabels({ service: config.serviceName });
    collectDefaultMetrics({ register: this.registry });
  }
}
