import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client as PgClient } from 'pg';
import {
  PROCEDURE_CODES,
  procedureIdOf,
  Topics,
  type ProcedureStatus,
  type PublicProcedureFields,
} from '@banjie/contracts';
import { eventually, intakeClient, requiredEnv, sampleRegistration } from '@banjie/testing';
import { startIsolatedIntake } from '../test/intake-api';

/** Approval events as the approval service publishes them, for a procedure of `project`. */
function procedureEvent(
  project: string,
  type: string,
  status: ProcedureStatus,
  sequence: number,
  extra: Partial<PublicProcedureFields> = {},
) {
  const snapshot: PublicProcedureFields = {
    procedureId: procedureIdOf(project, 'EIA'),
    projectCode: project,
    procedure: 'EIA',
    department: 'EEB',
    status,
    sequence,
    effectiveDate: '2023-02-10',
    applicationNumber: 1,
    committedWorkingDays: 15,
    extensionWorkingDays: 0,
    acceptedOn: '2023-02-01',
    pauses: [],
    baselineDate: '2023-03-31',
    targetDate: '2023-03-31',
    dueDate: null,
    dueDateUnavailable: null,
    completedOn: null,
    documentNumber: null,
    ...extra,
  };
  return {
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: project,
    correlationId: randomUUID(),
    payload: {
      public: snapshot,
      internal: {
        actor: 'eeb-clerk',
        actorRole: 'department',
        reason: null,
        ownerEnterpriseId: 'ENT-1',
        helpers: [],
      },
    },
  };
}

describe("intake follows the approval service's procedure events into the portfolio summary", () => {
  let app: INestApplication;
  let db: PgClient;
  let producer: Producer;
  let code: string;

  beforeAll(async () => {
    const started = await startIsolatedIntake();
    app = started.app;
    db = new PgClient({ connectionString: started.databaseUrl });
    await db.connect();
    producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    const admin = intakeClient(app, { sub: 'admin-1', role: 'admin' });
    code = (await admin<{ code: string }>('POST', '/projects', sampleRegistration)).body.code;
    const items = PROCEDURE_CODES.map((procedure) => ({
      procedure,
      applicability: 'REQUIRED',
      targetDate: '2023-03-31',
    }));
    expect(
      (await admin('PUT', `/projects/${code}/plan`, { items, effectiveDate: '2023-01-06' })).status,
    ).toBe(200);
  }, 120_000);

  // Closing waits for the Kafka consumer's open fetch (up to its 5 s max wait).
  afterAll(async () => {
    await Promise.allSettled([producer?.disconnect(), app?.close(), db?.end()]);
  }, 30_000);

  const publish = (...events: ReturnType<typeof procedureEvent>[]) =>
    producer.send({
      topic: Topics.APPROVAL_PROCEDURE,
      messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })),
    });
  const summary = async (asOf: string) =>
    (
      await intakeClient(app, { sub: 'dispatch-1', role: 'dispatch' })<{
        procedures: { applicable: number; completed: number };
      }>('GET', `/portfolio/summary?asOf=${asOf}`)
    ).body.procedures;
  const completion = async () =>
    (
      await db.query(
        `SELECT completed_on::text AS "completedOn", outcome FROM intake.procedure_completions WHERE project_code = $1`,
        [code],
      )
    ).rows;

  it('counts an approval from its day, once, and ignores older snapshots that arrive late', async () => {
    const approved = procedureEvent(code, 'ProcedureApproved', 'APPROVED', 7, {
      completedOn: '2023-03-01',
      documentNumber: '玉环审〔2023〕12号',
      effectiveDate: '2023-03-01',
    });
    const olderAccepted = procedureEvent(code, 'ProcedureAccepted', 'ACCEPTED', 3);
    await publish(approved, approved, olderAccepted);
    await eventually(async () =>
      expect(await summary('2023-03-01')).toEqual({ applicable: 11, completed: 1, rate: 0.091 }),
    );
    expect(await summary('2023-02-28')).toMatchObject({ completed: 0 });
    await eventually(async () => {
      const processed = await db.query(
        `SELECT count(*)::int AS n FROM intake.processed_events WHERE event_id = ANY ($1::uuid[])`,
        [[approved.eventId, olderAccepted.eventId]],
      );
      expect(processed.rows[0].n).toBe(2);
    });
    expect(await completion()).toEqual([{ completedOn: '2023-03-01', outcome: 'APPROVED' }]);
  });

  it('takes a procedure marked not applicable out of both terms, and puts it back when a newer snapshot reopens it', async () => {
    await publish(
      procedureEvent(code, 'ProcedureMarkedNotApplicable', 'NOT_APPLICABLE', 8, {
        effectiveDate: '2023-03-05',
      }),
    );
    await eventually(async () =>
      expect(await summary('2023-03-05')).toEqual({ applicable: 10, completed: 0, rate: 0 }),
    );
    await publish(procedureEvent(code, 'ProcedureReplanned', 'PLANNED', 9, { effectiveDate: '2023-03-06' }));
    await eventually(async () => expect(await completion()).toEqual([]));
    expect(await summary('2023-03-06')).toEqual({ applicable: 11, completed: 0, rate: 0 });
  });

  it('skips procedures of projects it does not list, without dead-lettering them', async () => {
    const stranger = procedureEvent('BJ-1999-0001', 'ProcedureApproved', 'APPROVED', 2, {
      completedOn: '2023-03-01',
      documentNumber: 'X',
    });
    await publish(stranger);
    await eventually(async () => {
      const processed = await db.query(
        `SELECT count(*)::int AS n FROM intake.processed_events WHERE event_id = $1`,
        [stranger.eventId],
      );
      expect(processed.rows[0].n).toBe(1);
    });
    expect(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM intake.procedure_completions WHERE project_code = 'BJ-1999-0001'`,
        )
      ).rows[0].n,
    ).toBe(0);
  });
});
