import { randomUUID } from 'node:crypto';
import type { EventDefinition, EventEnvelope } from '@banjie/contracts';
import type { z } from 'zod';
import type { Tx } from '../database/transactions';
import { currentCorrelationId } from '../logging/correlation-context';
import { OutboxRepository } from './outbox.repository';

const outbox = new OutboxRepository();

/** One event to append: the aggregate it is about (also its Kafka key) and its payload. */
export interface OutboxEvent<TPayload> {
  aggregateId: string;
  payload: TPayload;
}

/**
 * Appends an event to the outbox inside the caller's transaction, so the state change and its
 * event commit or roll back together. The payload is validated against its contract first: an
 * event that its consumers would reject is a bug here, not a dead letter there.
 */
export async function appendToOutbox<TType extends string, TPayload extends z.ZodType>(
  tx: Tx,
  definition: EventDefinition<TType, TPayload>,
  aggregateId: string,
  payload: z.infer<TPayload>,
  occurredAt: Date = new Date(),
): Promise<EventEnvelope<TType, z.infer<TPayload>>> {
  const [envelope] = await appendManyToOutbox(tx, definition, [{ aggregateId, payload }], occurredAt);
  return envelope!;
}

/**
 * `appendToOutbox` for many events of one kind: one INSERT and one wake-up of the relay, the
 * events keeping their order in the outbox (and so on their topic).
 */
export async function appendManyToOutbox<TType extends string, TPayload extends z.ZodType>(
  tx: Tx,
  definition: EventDefinition<TType, TPayload>,
  events: readonly OutboxEvent<z.infer<TPayload>>[],
  occurredAt: Date = new Date(),
): Promise<EventEnvelope<TType, z.infer<TPayload>>[]> {
  if (events.length === 0) return [];
  const correlationId = currentCorrelationId();
  const envelopes = events.map(({ aggregateId, payload }) =>
    definition.envelope.parse({
      eventId: randomUUID(),
      type: definition.type,
      version: definition.version,
      occurredAt: occurredAt.toISOString(),
      aggregateId,
      correlationId: correlationId ?? randomUUID(),
      payload,
    }),
  );
  await outbox.append(tx, definition.topic, envelopes);
  return envelopes;
}
