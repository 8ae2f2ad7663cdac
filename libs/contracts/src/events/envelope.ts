import { z } from 'zod';

/**
 * Every event travels in this envelope. `aggregateId` is also the Kafka message key, so one
 * project's events stay ordered on one partition.
 */
export const envelopeFields = {
  eventId: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1).max(200),
  correlationId: z.string().min(1).max(128),
};

export const anyEnvelope = z.object({ ...envelopeFields, payload: z.unknown() });
export type AnyEnvelope = z.infer<typeof anyEnvelope>;

export interface EventDefinition<TType extends string, TPayload extends z.ZodType> {
  topic: string;
  type: TType;
  version: number;
  payload: TPayload;
  envelope: z.ZodType<EventEnvelope<TType, z.infer<TPayload>>>;
}

export interface EventEnvelope<TType extends string, TPayload> {
  eventId: string;
  type: TType;
  version: number;
  occurredAt: string;
  aggregateId: string;
  correlationId: string;
  payload: TPayload;
}

/** Declares one event type at one version: its topic, its payload schema and its envelope validator. */
export function defineEvent<TType extends string, TPayload extends z.ZodType>(
  topic: string,
  type: TType,
  version: number,
  payload: TPayload,
): EventDefinition<TType, TPayload> {
  const envelope = z.object({
    ...envelopeFields,
    type: z.literal(type),
    version: z.literal(version),
    payload,
  }) as unknown as z.ZodType<EventEnvelope<TType, z.infer<TPayload>>>;
  return { topic, type, version, payload, envelope };
}

export type PayloadOf<D> = D extends EventDefinition<string, infer P> ? z.infer<P> : never;
export type EnvelopeOf<D> =
  D extends EventDefinition<infer T, infer P> ? EventEnvelope<T, z.infer<P>> : never;
