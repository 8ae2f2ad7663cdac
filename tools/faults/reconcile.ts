// After a fault: does every accepted action show everywhere, exactly once? Every check reads the
// services' own tables (one database, a schema per service) and compares them with the list of
// requests the workload saw accepted.
import { Client } from 'pg';
import { Topics } from '@banjie/contracts';
import type { AcceptedAction } from './approval-workload';

export interface Reconciliation {
  /** Accepted actions with no APPLIED row in the approval audit trail. */
  lostInApproval: number;
  /** Idempotency keys with more than one APPLIED audit row. */
  duplicatedInAudit: number;
  /** Approval events with the same procedure and sequence more than once in the outbox. */
  duplicatedEvents: number;
  unpublishedEvents: number;
  /** Procedures whose last change has not reached the public board / the deadline service / intake. */
  behindOnBoard: number;
  behindInDeadline: number;
  behindInIntake: number;
  /** Approval events (by event id, from the outbox: procedures and calendar versions) missing from a consumer's processed-event records, summed over the consumers. */
  eventsNotProcessed: number;
  /** Reminders or escalations recorded more than once for one subject and rung. */
  duplicatedNotices: number;
}

export const converged = (r: Reconciliation) =>
  r.unpublishedEvents === 0 &&
  r.behindOnBoard === 0 &&
  r.behindInDeadline === 0 &&
  r.behindInIntake === 0 &&
  r.eventsNotProcessed === 0;

/** Who consumes the approval service's events (its procedures and the calendar it owns), and where each records what it has processed. */
const APPROVAL_EVENT_CONSUMERS = [
  {
    topic: Topics.APPROVAL_PROCEDURE,
    table: 'intake.processed_events',
    consumer: 'intake.procedure-completions',
  },
  { topic: Topics.APPROVAL_PROCEDURE, table: 'notice.processed_events', consumer: 'notice.flag-board' },
  { topic: Topics.APPROVAL_PROCEDURE, table: 'deadline.processed_events', consumer: 'deadline.procedures' },
  { topic: Topics.CALENDAR, table: 'notice.processed_events', consumer: 'notice.calendar' },
  { topic: Topics.CALENDAR, table: 'deadline.processed_events', consumer: 'deadline.calendar' },
];
export const clean = (r: Reconciliation) =>
  converged(r) &&
  r.lostInApproval === 0 &&
  r.duplicatedInAudit === 0 &&
  r.duplicatedEvents === 0 &&
  r.duplicatedNotices === 0;

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

/** One query at a time: a pg client runs its queries in turn. */
async function eventsNotProcessed(db: Client): Promise<number> {
  let missing = 0;
  for (const { topic, table, consumer } of APPROVAL_EVENT_CONSUMERS) {
    missing += await count(
      db,
      `SELECT count(*)::int AS n FROM approval.outbox o
        WHERE o.topic = $2 AND NOT EXISTS (SELECT 1 FROM ${table} p WHERE p.consumer = $1 AND p.event_id::text = o.envelope->>'eventId')`,
      [consumer, topic],
    );
  }
  return missing;
}

export async function reconcile(databaseUrl: string, accepted: AcceptedAction[]): Promise<Reconciliation> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const keys = accepted.map((action) => action.idempotencyKey);
    return {
      lostInApproval:
        keys.length -
        (await count(
          db,
          `SELECT count(DISTINCT idempotency_key)::int AS n FROM approval.audit_trail WHERE outcome = 'APPLIED' AND idempotency_key = ANY($1)`,
          [keys],
        )),
      duplicatedInAudit: await count(
        db,
        `SELECT count(*)::int AS n FROM (SELECT idempotency_key FROM approval.audit_trail WHERE outcome = 'APPLIED' AND idempotency_key IS NOT NULL
           GROUP BY actor, idempotency_key HAVING count(*) > 1) d`,
      ),
      duplicatedEvents: await count(
        db,
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM approval.outbox WHERE topic = $1
           GROUP BY envelope->'payload'->'public'->>'procedureId', envelope->'payload'->'public'->>'sequence' HAVING count(*) > 1) d`,
        [Topics.APPROVAL_PROCEDURE],
      ),
      unpublishedEvents: await count(
        db,
        `SELECT count(*)::int AS n FROM approval.outbox WHERE published_at IS NULL`,
      ),
      behindOnBoard: await count(
        db,
        `SELECT count(*)::int AS n FROM approval.procedures p
           LEFT JOIN (SELECT procedure_id, max(sequence) AS sequence FROM notice.procedure_history GROUP BY procedure_id) b USING (procedure_id)
          WHERE b.sequence IS DISTINCT FROM p.sequence`,
      ),
      behindInDeadline: await count(
        db,
        `SELECT count(*)::int AS n FROM approval.procedures p LEFT JOIN deadline.procedures d USING (procedure_id) WHERE d.sequence IS DISTINCT FROM p.sequence`,
      ),
      behindInIntake: await count(
        db,
        `SELECT count(*)::int AS n FROM approval.procedures p
           LEFT JOIN intake.approval_procedure_sequences i ON i.project_code = p.project_code AND i.procedure = p.procedure
          WHERE i.sequence IS DISTINCT FROM p.sequence`,
      ),
      eventsNotProcessed: await eventsNotProcessed(db),
      duplicatedNotices: await count(
        db,
        `SELECT count(*)::int AS n FROM (
           SELECT subject, rung FROM deadline.reminders GROUP BY subject, rung HAVING count(*) > 1
           UNION ALL SELECT subject, rung FROM deadline.escalations GROUP BY subject, rung HAVING count(*) > 1) d`,
      ),
    };
  } finally {
    await db.end();
  }
}
