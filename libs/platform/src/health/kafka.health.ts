import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaProducerService } from '../kafka/kafka-producer.service';

@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly producer: KafkaProducerService,
  ) {}

  async check(key = 'kafka') {
    const status = this.indicator.check(key);
    try {
      return (await withTimeout(this.producer.brokerAnswers(), 3_000))
        ? status.up()
        : status.down({ message: 'no broker in the cluster' });
    } catch (error) {
      return status.down({ message: (error as Error).message });
    }
  }
}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
