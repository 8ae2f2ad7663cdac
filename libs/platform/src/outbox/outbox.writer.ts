import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventDefinition, EventEnvelope } from '@banjie/contracts';
import type { z } from 'zod';
import { schemaOf } from '../database/schema-of';
import { currentCorrelationId } from '../logging/correlation-context';

/** Each service's relay listens on its own channel: `<schema>_outbox`. */
export const outboxChannel = (schema: string): string => `${schema}_outbox`;

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
  const envelope = definition.envelope.parse({
    eventId: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: occurredAt.toISOString(),
    aggregateId,
    correlationId: currentCorrelationId() ?? randomUUID(),
    payload,
  });
  const schema = schemaOf(manager.connection);
  await manager.query(
    `INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)`,
    [envelope.eventId, definition.topic, aggregateId, JSON.stringify(envelope)],
  );
  await manager.query('SELECT pg_notify($1, NULL)', [outboxChannel(schema)]);
  return envelope;
}
