import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventDefinition, EventEnvelope } from '@banjie/contracts';
import type { z } from 'zod';
import { schemaOf } from '../database/schema-of';
import { currentCorrelationId } from '../logging/correlation-context';

/** Each service's relay listens on its own channel: `<schema>_outbox`. */
export const outboxChannel = (schema: string): string => `${schema}_outbox`;

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
  manager: EntityManager,
  definition: EventDefinition<TType, TPayload>,
  aggregateId: string,
  payload: z.infer<TPayload>,
  occurredAt: Date = new Date(),
): Promise<EventEnvelope<TType, z.infer<TPayload>>> {
  const [envelope] = await appendManyToOutbox(manager, definition, [{ aggregateId, payload }], occurredAt);
  return envelope!;
}

/**
 * `appendToOutbox` for many events of one kind: one INSERT and one wake-up of the relay, the
 * events keeping their order in the outbox (and so on their topic).
 */
export async function appendManyToOutbox<TType extends string, TPayload extends z.ZodType>(
  manager: EntityManager,
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
  const schema = schemaOf(manager.connection);
  // One JSON document rather than array parameters, which pg escapes element by element (slowly).
  const rows = JSON.stringify(
    envelopes.map((envelope) => ({
      event_id: envelope.eventId,
      message_key: envelope.aggregateId,
      envelope,
    })),
  );
  // The relay's wake-up rides on the INSERT (a data-modifying WITH runs once): one round trip per append.
  await manager.query(
    `WITH appended AS (
       INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope)
       SELECT event_id, $1, message_key, envelope FROM jsonb_to_recordset($2::jsonb) AS event(event_id uuid, message_key text, envelope jsonb)
     )
     SELECT pg_notify($3, NULL)`,
    [definition.topic, rows, outboxChannel(schema)],
  );
  return envelopes;
}
