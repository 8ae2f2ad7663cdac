import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { defineEvent } from '@banjie/contracts';
import { appendManyToOutbox, appendToOutbox } from './outbox.writer';

const ThingCounted = defineEvent('test.things', 'ThingCounted', 1, z.object({ count: z.number().int() }));

function recordingManager() {
  const queries: { sql: string; parameters: unknown[] }[] = [];
  const manager = {
    connection: { options: { schema: 'things' } },
    query: async (sql: string, parameters: unknown[] = []) => {
      queries.push({ sql, parameters });
      return [];
    },
  } as unknown as EntityManager;
  return { manager, queries };
}

/** The rows the INSERT reads with json_to_recordset. */
const rowsOf = (envelopes: { eventId: string; aggregateId: string }[]) =>
  JSON.stringify(
    envelopes.map((envelope) => ({
      event_id: envelope.eventId,
      message_key: envelope.aggregateId,
      envelope,
    })),
  );

describe('the outbox writer', () => {
  const at = new Date('2026-11-29T08:00:00Z');

  it('appends many events in one statement, in order, that also wakes the relay', async () => {
    const { manager, queries } = recordingManager();
    const envelopes = await appendManyToOutbox(
      manager,
      ThingCounted,
      [
        { aggregateId: 'a', payload: { count: 1 } },
        { aggregateId: 'b', payload: { count: 2 } },
      ],
      at,
    );

    expect(
      envelopes.map((envelope) => [envelope.aggregateId, envelope.payload.count, envelope.occurredAt]),
    ).toEqual([
      ['a', 1, at.toISOString()],
      ['b', 2, at.toISOString()],
    ]);
    expect(queries).toHaveLength(1);
    const [append] = queries;
    expect(append!.sql).toContain('INSERT INTO "things".outbox');
    expect(append!.sql).toContain('pg_notify($3, NULL)');
    expect(append!.parameters).toEqual(['test.things', rowsOf(envelopes), 'things_outbox']);
  });

  it('writes nothing when one payload breaks its contract', async () => {
    const { manager, queries } = recordingManager();
    await expect(
      appendManyToOutbox(manager, ThingCounted, [
        { aggregateId: 'a', payload: { count: 1 } },
        { aggregateId: 'b', payload: { count: 1.5 } },
      ]),
    ).rejects.toThrow();
    expect(queries).toEqual([]);
  });

  it('writes nothing for no events', async () => {
    const { manager, queries } = recordingManager();
    expect(await appendManyToOutbox(manager, ThingCounted, [])).toEqual([]);
    expect(queries).toEqual([]);
  });

  it('appends a single event the same way', async () => {
    const { manager, queries } = recordingManager();
    const envelope = await appendToOutbox(manager, ThingCounted, 'a', { count: 3 }, at);
    expect(envelope).toMatchObject({
      type: 'ThingCounted',
      version: 1,
      aggregateId: 'a',
      occurredAt: at.toISOString(),
      payload: { count: 3 },
    });
    expect(queries[0]!.parameters).toEqual(['test.things', rowsOf([envelope]), 'things_outbox']);
  });
});
