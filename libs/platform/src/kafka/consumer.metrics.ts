import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.registry';

@Injectable()
export class ConsumerMetrics {
  readonly processed: Counter<'consumer' | 'topic' | 'outcome'>;
  readonly skipped: Counter<'consumer' | 'topic'>;
  readonly deadLettered: Counter<'consumer' | 'topic'>;
  readonly redelivered: Counter<'consumer' | 'topic'>;

  constructor(registry: MetricsRegistry) {
    const registers = [registry.registry];
    this.processed = new Counter({
      name: 'banjie_events_processed_total',
      help: 'Events consumed, by outcome (applied or duplicate)',
      labelNames: ['consumer', 'topic', 'outcome'],
      registers,
    });
    this.skipped = new Counter({
      name: 'banjie_events_skipped_total',
      help: 'Events of types this consumer does not handle',
      labelNames: ['consumer', 'topic'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'banjie_events_dead_lettered_total',
      help: 'Events sent to a dead-letter topic',
      labelNames: ['consumer', 'topic'],
      registers,
    });
    this.redelivered = new Counter({
      name: 'banjie_events_left_for_redelivery_total',
      help: 'Events handed back to Kafka because the infrastructure was unavailable',
      labelNames: ['consumer', 'topic'],
      registers,
    });
  }
}
