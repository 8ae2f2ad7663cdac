import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { anyEnvelope, deadLetterTopic, type EventDefinition, type EventEnvelope } from '@banjie/contracts';
import type { z } from 'zod';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { isTransientInfrastructureError } from '../database/transient-errors';
import { faultPoint, FaultPoints } from '../faults/fault-point';
import { applyOnce } from '../inbox/inbox';
import { withCorrelationId } from '../logging/correlation-context';
import { KafkaProducerService } from './kafka-producer.service';
import { ConsumerMetrics } from './consumer.metrics';

/** How one consumer handles one event type at one version. */
export interface EventHandler<TType extends string = string, TPayload extends z.ZodType = z.ZodType> {
  definition: EventDefinition<TType, TPayload>;
  apply(envelope: EventEnvelope<TType, z.infer<TPayload>>, manager: EntityManager): Promise<void>;
}

export function handle<TType extends string, TPayload extends z.ZodType>(
  definition: EventDefinition<TType, TPayload>,
  apply: (envelope: EventEnvelope<TType, z.infer<TPayload>>, manager: EntityManager) => Promise<void>,
): EventHandler {
  return { definition, apply } as unknown as EventHandler;
}

export const MAX_ATTEMPTS = 3;
/** In-process retries of an infrastructure failure before handing the message back to Kafka. */
export const MAX_TRANSIENT_ATTEMPTS = 5;

class PoisonMessage extends Error {}

/** The database (or broker) is unavailable: the event is fine, so it must be retried, never dead-lettered. */
class InfrastructureUnavailable extends Error {}

/**
 * The one way Banjie consumes an event from Kafka: validate the envelope and payload, apply the
 * effect exactly once (inbox), retry failures a bounded number of times, and send what cannot be
 * processed to `<topic>.dlq` with the error — so no poison message blocks its partition and none
 * vanishes. Event types the consumer does not handle are skipped.
 *
 * When the infrastructure itself fails (the database is down), the event is not to blame: after a
 * few in-process retries the error is thrown, so Kafka does not commit the offset and delivers the
 * message again once the consumer recovers. The same holds when the dead-letter topic cannot be
 * written.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducerService,
    private readonly metrics: ConsumerMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async consume(context: KafkaContext, consumer: string, handlers: EventHandler[]): Promise<void> {
    const message = context.getMessage();
    const topic = context.getTopic();
    const raw = message.value?.toString('utf8') ?? '';
    let envelope: z.infer<typeof anyEnvelope> | undefined;
    try {
      envelope = this.parseEnvelope(raw);
      const handler = handlers.find((candidate) => candidate.definition.type === envelope!.type);
      if (!handler) {
        this.metrics.skipped.inc({ consumer, topic });
        return;
      }
      if (handler.definition.version !== envelope.version) {
        throw new PoisonMessage(`unsupported version ${envelope.version} of ${envelope.type} (this consumer reads version ${handler.definition.version})`);
      }
      const parsed = handler.definition.envelope.safeParse(envelope);
      if (!parsed.success) throw new PoisonMessage(`invalid ${envelope.type}: ${describeIssues(parsed.error)}`);
      const valid = parsed.data;
      await withCorrelationId(valid.correlationId, () => this.applyWithRetries(context, consumer, valid, handler));
    } catch (error) {
      if (error instanceof InfrastructureUnavailable) throw error;
      await this.deadLetter(context, consumer, raw, error, envelope);
    }
  }

  private parseEnvelope(raw: string): z.infer<typeof anyEnvelope> {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new PoisonMessage(`malformed JSON: ${(error as Error).message}`);
    }
    const parsed = anyEnvelope.safeParse(json);
    if (!parsed.success) throw new PoisonMessage(`invalid envelope: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }

  private async applyWithRetries(context: KafkaContext, consumer: string, envelope: EventEnvelope<string, unknown>, handler: EventHandler): Promise<void> {
    let failures = 0;
    let transientFailures = 0;
    for (;;) {
      try {
        const applied = await applyOnce(this.dataSource, consumer, envelope.eventId, (manager) => handler.apply(envelope, manager));
        faultPoint(FaultPoints.CONSUMER_AFTER_COMMIT);
        this.metrics.processed.inc({ consumer, topic: context.getTopic(), outcome: applied ? 'applied' : 'duplicate' });
        return;
      } catch (error) {
        const transient = isTransientInfrastructureError(error);
        const attempt = transient ? (transientFailures += 1) : (failures += 1);
        const limit = transient ? MAX_TRANSIENT_ATTEMPTS : MAX_ATTEMPTS;
        const what = `${consumer}: ${envelope.type} ${envelope.eventId} failed${transient ? ' (infrastructure)' : ''} (attempt ${attempt}/${limit}): ${(error as Error).message}`;
        if (attempt >= limit) {
          if (transient) {
            this.metrics.redelivered.inc({ consumer, topic: context.getTopic() });
            throw new InfrastructureUnavailable(`${what} — leaving it to Kafka to deliver again`, { cause: error });
          }
          throw Object.assign(error as Error, { attempts: attempt });
        }
        this.logger.warn(what);
        await context.getHeartbeat()().catch(() => undefined);
        await sleep(this.backoffMs(attempt));
      }
    }
  }

  /** 100 ms, 400 ms, 1.6 s, then 5 s between attempts. */
  protected backoffMs(attempt: number): number {
    return Math.min(100 * 4 ** (attempt - 1), 5_000);
  }

  private async deadLetter(context: KafkaContext, consumer: string, raw: string, error: unknown, envelope?: { eventId: string; type: string }): Promise<void> {
    const topic = context.getTopic();
    const message = context.getMessage();
    const reason = error instanceof Error ? error.message : String(error);
    const attempts = (error as { attempts?: number }).attempts ?? 1;
    this.logger.error(`${consumer}: dead-lettering ${topic}[${context.getPartition()}]@${message.offset}${envelope ? ` (${envelope.type} ${envelope.eventId})` : ''}: ${reason}`);
    await this.producer.sendBatch([
      {
        topic: deadLetterTopic(topic),
        messages: [
          {
            key: message.key,
            value: raw,
            headers: {
              'dlq-error': reason.slice(0, 2_000),
              'dlq-consumer': consumer,
              'dlq-service': this.config.serviceName,
              'dlq-source-topic': topic,
              'dlq-source-partition': String(context.getPartition()),
              'dlq-source-offset': message.offset,
              'dlq-attempts': String(attempts),
              'dlq-failed-at': new Date().toISOString(),
            },
          },
        ],
      },
    ]);
    this.metrics.deadLettered.inc({ consumer, topic });
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
