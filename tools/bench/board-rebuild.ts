// Board rebuild at scale: multiplies the stored public history of real projects (as the bench left
// them, in every state) under new project codes until it holds `rows` events, then times the notice
// service's `rebuild-board` command replaying all of it (its own process, as an operator runs it).
import { Client } from 'pg';
import { runServiceCommand } from '@banjie/testing/stack';
import { round } from './stats';

const TEMPLATE_PROJECTS = 200;

export interface RebuildResult {
  events: number;
  projects: number;
  synthesiseSeconds: number;
  rebuildSeconds: number;
  eventsPerSecond: number;
  cards: number;
}

async function historyCount(db: Client): Promise<{ events: number; projects: number }> {
  const { rows } = await db.query<{ events: string; projects: string }>(
    `SELECT (SELECT count(*) FROM notice.procedure_history) + (SELECT count(*) FROM notice.project_history) AS events,
            (SELECT count(DISTINCT project_code) FROM notice.project_history) AS projects`,
  );
  return { events: Number(rows[0]!.events), projects: Number(rows[0]!.projects) };
}

async function cardCount(db: Client): Promise<number> {
  const { rows } = await db.query<{ cards: string }>('SELECT count(*) AS cards FROM notice.cards');
  return Number(rows[0]!.cards);
}

export async function synthesiseHistory(databaseUrl: string, rows: number): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = Date.now();
    const { events } = await historyCount(db);
    await db.query(`CREATE TEMP TABLE bench_templates AS
      SELECT project_code, row_number() OVER (ORDER BY project_code) AS t
        FROM (SELECT DISTINCT project_code FROM notice.project_history ORDER BY project_code LIMIT ${TEMPLATE_PROJECTS}) chosen`);
    const { rows: perCopy } = await db.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM notice.procedure_history JOIN bench_templates USING (project_code))
            + (SELECT count(*) FROM notice.project_history JOIN bench_templates USING (project_code)) AS n`,
    );
    const copies = Math.max(0, Math.ceil((rows - events) / Number(perCopy[0]!.n)));
    const newCode = `'BJ-2099-' || lpad((g * ${TEMPLATE_PROJECTS} + t.t)::text, 7, '0')`;
    await db.query(`INSERT INTO notice.project_history (event_id, project_code, revision, effective_date, event_type, occurred_at, facts)
      SELECT gen_random_uuid(), ${newCode}, h.revision, h.effective_date, h.event_type, h.occurred_at, h.facts || jsonb_build_object('code', ${newCode})
        FROM notice.project_history h JOIN bench_templates t USING (project_code) CROSS JOIN generate_series(1, ${copies}) g`);
    await db.query(`INSERT INTO notice.procedure_history (event_id, procedure_id, project_code, sequence, effective_date, event_type, occurred_at, facts)
      SELECT gen_random_uuid(), ${newCode} || substr(h.procedure_id, length(h.project_code) + 1), ${newCode}, h.sequence, h.effective_date, h.event_type, h.occurred_at,
             h.facts || jsonb_build_object('projectCode', ${newCode}, 'procedureId', ${newCode} || substr(h.procedure_id, length(h.project_code) + 1))
        FROM notice.procedure_history h JOIN bench_templates t USING (project_code) CROSS JOIN generate_series(1, ${copies}) g`);
    await db.query('ANALYZE notice.project_history; ANALYZE notice.procedure_history');
    return round((Date.now() - started) / 1000);
  } finally {
    await db.end();
  }
}

export async function timeRebuild(env: NodeJS.ProcessEnv, synthesiseSeconds: number): Promise<RebuildResult> {
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    const { events, projects } = await historyCount(db);
    const started = Date.now();
    await runServiceCommand('notice-service', 'rebuild-board', env);
    const rebuildSeconds = (Date.now() - started) / 1000;
    return {
      events,
      projects,
      synthesiseSeconds,
      rebuildSeconds: round(rebuildSeconds),
      eventsPerSecond: Math.round(events / rebuildSeconds),
      cards: await cardCount(db),
    };
  } finally {
    await db.end();
  }
}
