import { randomUUID } from 'node:crypto';
import type { EventDefinition } from '@banjie/contracts';
import type { z } from 'zod';

/** A valid envelope of `definition` around `payload`, as another service would publish it (fresh event and correlation ids). */
export function eventEnvelope<P extends z.ZodType>(
  definition: EventDefinition<string, P>,
  key: string,
  payload: z.infer<P>,
) {
  return definition.envelope.parse({
    eventId: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    aggregateId: key,
    correlationId: randomUUID(),
    payload,
  });
}
