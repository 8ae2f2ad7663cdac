import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.registry';

@Injectable()
export class OutboxMetrics {
  readonly published: Counter;

  constructor(registry: MetricsRegistry) {
    this.published = new Counter({
      name: 'banjie_outbox_published_total',
      help: 'Events published from the outbox to Kafka',
      registers: [registry.registry],
    });
  }
}
