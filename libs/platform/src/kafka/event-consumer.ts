import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { anyEnvelope, deadLetterTopic, type EventDefinition, type EventEnvelope } from '@banjie/contracts';
import type { z } from 'zod';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { Transactions, type Tx } from '../database/transactions';
import { isTransientInfrastructureError } from '../database/transient-errors';
import { faultPoint, FaultPoints } from '../faults/fault-point';
import { applyOnce } from '../inbox/inbox';
import { withCorrelationId } from '../logging/correlation-context';
import { KafkaProducerService } from './kafka-producer.service';
import type { KafkaBatchContext } from './kafka-batch-context';
import { ConsumerMetrics } from './consumer.metrics';

/** How one consumer handles one event type at one version; what `apply` returns goes to the consumer's `afterApplied`. */
export interface EventHandler<
  TResult = unknown,
  TType extends string = string,
  TPayload extends z.ZodType = z.ZodType,
> {
  definition: EventDefinition<TType, TPayload>;
  apply(envelope: EventEnvelope<TType, z.infer<TPayload>>, tx: Tx): Promise<TResult>;
}

export function handle<TType extends string, TPayload extends z.ZodType, TResult = void>(
  definition: EventDefinition<TType, TPayload>,
  apply: (envelope: EventEnvelope<TType, z.infer<TPayload>>, tx: Tx) => Promise<TResult>,
): EventHandler<TResult> {
  return { definition, apply } as unknown as EventHandler<TResult>;
}

/** Runs once per transaction, after the effects of the events newly applied in it, with what each effect returned (in order). */
export type AfterApplied<TResult> = (results: TResult[], tx: Tx) => Promise<void>;

export const MAX_ATTEMPTS = 3;
/** In-process retries of an infrastructure failure before handing the message back to Kafka. */
export const MAX_TRANSIENT_ATTEMPTS = 5;
/** Events applied in one transaction: enough to share a commit among many, few enough to keep a transaction short. */
export const MAX_EVENTS_PER_TRANSACTION = 100;

class PoisonMessage extends Error {}

/** The database (or broker) is unavailable: the event is fine, so it must be retried, never dead-lettered. */
class InfrastructureUnavailable extends Error {}

interface ReceivedEvent<TResult> {
  message: KafkaMessage;
  envelope: EventEnvelope<string, unknown>;
  eventId: string;
  handler: EventHandler<TResult>;
}

type Decoded<TResult> =
  | { event: ReceivedEvent<TResult> }
  | { skipped: true }
  | { poison: Error; envelope?: { eventId: string; type: string } };

/**
 * The one way Banjie consumes events from Kafka: validate each envelope and payload, apply the
 * effects exactly once (inbox), retry failures a bounded number of times, and send what cannot be
 * processed to `<topic>.dlq` with the error — so no poison message blocks its partition and none
 * vanishes. Event types the consumer does not handle are skipped.
 *
 * A fetched batch is applied up to MAX_EVENTS_PER_TRANSACTION events per transaction (one commit,
 * one inbox statement). When such a transaction fails for a reason other than the infrastructure,
 * its events are applied again one by one, so one bad event never takes the others with it.
 *
 * When the infrastructure itself fails (the database is down), the event is not to blame: after a
 * few in-process retries the error is thrown, so Kafka delivers again what was not yet resolved
 * once the consumer recovers. The same holds when the dead-letter topic cannot be written.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly producer: KafkaProducerService,
    private readonly metrics: ConsumerMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async consume<TResult>(
    context: KafkaBatchContext,
    consumer: string,
    handlers: EventHandler<TResult>[],
    afterApplied?: AfterApplied<TResult>,
  ): Promise<void> {
    const { messages } = context;
    for (let start = 0; start < messages.length; start += MAX_EVENTS_PER_TRANSACTION) {
      if (!context.canContinue()) return;
      const chunk = messages.slice(start, start + MAX_EVENTS_PER_TRANSACTION);
      const events: ReceivedEvent<TResult>[] = [];
      for (const message of chunk) {
        const decoded = this.decode(message, handlers);
        if ('event' in decoded) events.push(decoded.event);
        else if ('skipped' in decoded) this.metrics.skipped.inc({ consumer, topic: context.topic });
        else await this.deadLetter(context, consumer, message, decoded.poison, decoded.envelope);
      }
      if (events.length > 0) await this.applyAll(context, consumer, events, afterApplied);
      context.resolveOffset(chunk.at(-1)!.offset);
      await context.heartbeat();
    }
  }

  private decode<TResult>(message: KafkaMessage, handlers: EventHandler<TResult>[]): Decoded<TResult> {
    let envelope: z.infer<typeof anyEnvelope> | undefined;
    try {
      envelope = this.parseEnvelope(message.value?.toString('utf8') ?? '');
      const ofType = handlers.filter((candidate) => candidate.definition.type === envelope!.type);
      if (ofType.length === 0) return { skipped: true };
      const handler = ofType.find((candidate) => candidate.definition.version === envelope!.version);
      if (!handler) {
        throw new PoisonMessage(
          `unsupported version ${envelope.version} of ${envelope.type} (this consumer reads version ${ofType.map((h) => h.definition.version).join(', ')})`,
        );
      }
      const parsed = handler.definition.envelope.safeParse(envelope);
      if (!parsed.success)
        throw new PoisonMessage(`invalid ${envelope.type}: ${describeIssues(parsed.error)}`);
      return { event: { message, envelope: parsed.data, eventId: parsed.data.eventId, handler } };
    } catch (error) {
      return { poison: error as Error, envelope };
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

  /** All together; if that fails for a reason of their own, one by one, dead-lettering whichever still fails. */
  private async applyAll<TResult>(
    context: KafkaBatchContext,
    consumer: string,
    events: ReceivedEvent<TResult>[],
    afterApplied?: AfterApplied<TResult>,
  ): Promise<void> {
    try {
      await this.applyWithRetries(
        context,
        consumer,
        events,
        afterApplied,
        events.length === 1 ? MAX_ATTEMPTS : 1,
      );
      return;
    } catch (error) {
      if (error instanceof InfrastructureUnavailable) throw error;
      if (events.length === 1)
        return this.deadLetter(context, consumer, events[0]!.message, error, events[0]!.envelope);
      this.logger.warn(
        `${consumer}: a transaction of ${events.length} events failed (${(error as Error).message}); applying them one by one`,
      );
    }
    for (const event of events) await this.applyAll(context, consumer, [event], afterApplied);
  }

  private async applyWithRetries<TResult>(
    context: KafkaBatchContext,
    consumer: string,
    events: ReceivedEvent<TResult>[],
    afterApplied: AfterApplied<TResult> | undefined,
    maxAttempts: number,
  ): Promise<void> {
    const topic = context.topic;
    let failures = 0;
    let transientFailures = 0;
    for (;;) {
      try {
        const fresh = await applyOnce(this.transactions, consumer, events, async (unseen, tx) => {
          const results: TResult[] = [];
          for (const { envelope, handler } of unseen) {
            results.push(await withCorrelationId(envelope.correlationId, () => handler.apply(envelope, tx)));
          }
          await afterApplied?.(results, tx);
        });
        faultPoint(FaultPoints.CONSUMER_AFTER_COMMIT);
        this.metrics.processed.inc({ consumer, topic, outcome: 'applied' }, fresh.length);
        if (fresh.length < events.length)
          this.metrics.processed.inc({ consumer, topic, outcome: 'duplicate' }, events.length - fresh.length);
        return;
      } catch (error) {
        const transient = isTransientInfrastructureError(error);
        const attempt = transient ? (transientFailures += 1) : (failures += 1);
        const limit = transient ? MAX_TRANSIENT_ATTEMPTS : maxAttempts;
        const what = `${consumer}: ${describeEvents(events)} failed${transient ? ' (infrastructure)' : ''} (attempt ${attempt}/${limit}): ${(error as Error).message}`;
        if (attempt >= limit) {
          if (transient) {
            this.metrics.redelivered.inc({ consumer, topic });
            throw new InfrastructureUnavailable(`${what} — leaving it to Kafka to deliver again`, {
              cause: error,
            });
          }
          throw Object.assign(error as Error, { attempts: attempt });
        }
        this.logger.warn(what);
        await context.heartbeat().catch(() => undefined);
        await sleep(this.backoffMs(attempt));
      }
    }
  }

  /** 100 ms, 400 ms, 1.6 s, then 5 s between attempts. */
  protected backoffMs(attempt: number): number {
    return Math.min(100 * 4 ** (attempt - 1), 5_000);
  }

  private async deadLetter(
    context: KafkaBatchContext,
    consumer: string,
    message: KafkaMessage,
    error: unknown,
    envelope?: { eventId: string; type: string },
  ): Promise<void> {
    const { topic, partition } = context;
    const reason = error instanceof Error ? error.message : String(error);
    const attempts = (error as { attempts?: number }).attempts ?? 1;
    this.logger.error(
      `${consumer}: dead-lettering ${topic}[${partition}]@${message.offset}${envelope ? ` (${envelope.type} ${envelope.eventId})` : ''}: ${reason}`,
    );
    await this.producer.sendBatch([
      {
        topic: deadLetterTopic(topic),
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              'dlq-error': reason.slice(0, 2_000),
              'dlq-consumer': consumer,
              'dlq-service': this.config.serviceName,
              'dlq-source-topic': topic,
              'dlq-source-partition': String(partition),
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

function describeEvents(events: ReceivedEvent<unknown>[]): string {
  const [first] = events;
  return events.length === 1
    ? `${first!.envelope.type} ${first!.envelope.eventId}`
    : `${events.length} events from ${first!.envelope.type} ${first!.envelope.eventId}`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
