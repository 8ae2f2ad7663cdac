import { Client } from 'pg';
import { eventually } from '../eventually';

/**
 * A fingerprint of every row of every table in the schemas: equal before and after a run means
 * the run changed nothing (outbox and inbox included, so not even an event slipped out). Taken
 * once the outbox relays have published what was pending, so their bookkeeping does not count.
 */
export async function stateDigest(databaseUrl: string, schemas: string[]): Promise<Record<string, string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1`,
      [schemas],
    );
    const outboxes = tables.filter(({ name }) => name.endsWith('.outbox'));
    await eventually(async () => {
      for (const { name } of outboxes) {
        const { rows } = await db.query<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM ${name} WHERE published_at IS NULL`,
        );
        if (rows[0]!.pending > 0)
          throw new Error(`${name} still has ${rows[0]!.pending} unpublished event(s)`);
      }
    });
    const digest: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await db.query<{ rows: string; hash: string | null }>(
        `SELECT count(*)::text AS rows, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS hash FROM ${name} t`,
      );
      digest[name] = `${rows[0]!.rows}:${rows[0]!.hash ?? '-'}`;
    }
    return digest;
  } finally {
    await db.end();
  }
}

/**
 * The digest once the services have settled: background work started at boot (a quarter
 * watch recording the checkpoints already past, an outbox draining) must not count as a change
 * made by the requests that follow.
 */
export async function settledStateDigest(
  databaseUrl: string,
  schemas: string[],
  quietMs = 2_000,
): Promise<Record<string, string>> {
  let previous = await stateDigest(databaseUrl, schemas);
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const current = await stateDigest(databaseUrl, schemas);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  throw new Error(`the database kept changing for ${(30 * quietMs) / 1000} s without any request`);
}
