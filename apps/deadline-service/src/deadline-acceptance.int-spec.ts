import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@banjie/contracts';
import { deadlineClient, eventually, recordEvents, requiredEnv, type EventRecorder } from '@banjie/testing';
import {
  acceptanceWindowWorkflowId,
  procedureDeadlineQuery,
  procedureDeadlineWorkflowId,
  type AcceptanceWindowResult,
} from '@banjie/workflows';
import { DataSource } from 'typeorm';
import { BackfillAcceptanceWindows1765000400000 } from './database/migrations/1765000400000-backfill-acceptance-windows';
import { DeadlineReconciler } from './reconciler/deadline.reconciler';
import {
  ApprovalEventPublisher,
  eiaSnapshot,
  randomProjectCode,
  startIsolatedDeadline,
} from './test/deadline-harness';

interface LapseEnvelope {
  type: string;
  aggregateId: string;
  payload: { procedureId: string; applicationNumber: number; receivedOn: string; acceptanceDueDate: string };
}

/**
 * Through real PostgreSQL, Kafka and the Temporal dev server: a submission whose acceptance window
 * lapsed long ago → its window workflow → one AcceptanceWindowLapsed on deadline.acceptance.v1 once
 * the recording grace has passed; the deemed acceptance that answers it → the supervisors' notice,
 * once, and the processing clock running from the day of receipt.
 */
describe('deadline service: the acceptance clock', () => {
  let app: INestApplication;
  let db: PgClient;
  let temporal: Client;
  let approval: ApprovalEventPublisher;
  let lapses: EventRecorder<LapseEnvelope>;
  const project = randomProjectCode();
  const procedureId = `${project}-EIA`;
  // Submitted Wed 1 March 2023 with the default 5 working days: the window closed Wed 8 March.
  const submitted = eiaSnapshot(project, {
    status: 'SUBMITTED',
    sequence: 2,
    effectiveDate: '2023-03-01',
    submittedOn: '2023-03-01',
    acceptanceWorkingDays: 5,
    acceptanceDueDate: '2023-03-08',
  });
  const lapsesOf = () => lapses.received.filter((e) => e.aggregateId === project);

  beforeAll(async () => {
    let databaseUrl: string;
    ({ app, databaseUrl } = await startIsolatedDeadline({
      RECONCILE_INTERVAL_MS: String(3_600_000),
      DEADLINE_ACCEPTANCE_RECORDING_GRACE: 'PT2S',
      TARGET_QUARTER: '2023-Q1',
    }));
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    temporal = new Client({
      connection: await Connection.connect({ address: requiredEnv('TEMPORAL_ADDRESS') }),
    });
    approval = await ApprovalEventPublisher.connect();
    lapses = await recordEvents<LapseEnvelope>([Topics.DEADLINE_ACCEPTANCE]);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([
      app?.close(),
      db?.end(),
      temporal?.connection.close(),
      approval?.disconnect(),
      lapses?.stop(),
    ]);
  });

  it('reports a window that lapsed long ago exactly once, after the recording grace, and shows it on GET /clocks', async () => {
    await approval.publish('ProcedureOpened', eiaSnapshot(project, {}));
    await approval.publish('ProcedureSubmitted', submitted);
    const [lapse] = await eventually(async () => {
      const found = lapsesOf();
      expect(found).toHaveLength(1);
      return found;
    }, 30_000);
    expect(lapse).toMatchObject({
      type: 'AcceptanceWindowLapsed',
      payload: {
        procedureId,
        applicationNumber: 1,
        receivedOn: '2023-03-01',
        acceptanceDueDate: '2023-03-08',
      },
    });
    const clock = await deadlineClient(app, { sub: 'supervisor-wang', role: 'supervisor' })<{
      state: string;
      acceptanceWindow: Record<string, unknown>;
    }>('GET', `/clocks/${procedureId}`);
    expect(clock.status).toBe(200);
    expect(clock.body).toMatchObject({
      state: 'AWAITING_ACCEPTANCE',
      acceptanceWindow: {
        status: 'LAPSED',
        receivedOn: '2023-03-01',
        closesOn: '2023-03-08',
        lapseReports: 1,
      },
    });
    // The same news again (redelivered, or replayed) neither restarts the window nor reports it twice.
    await approval.publish('ProcedureSubmitted', submitted);
    await sleep(3_000);
    expect(lapsesOf()).toHaveLength(1);
  }, 60_000);

  it('tells the supervisors once of the deemed acceptance, ends the window and runs the clock from the day of receipt', async () => {
    const deemed = eiaSnapshot(project, {
      ...submitted,
      status: 'ACCEPTED',
      sequence: 3,
      effectiveDate: '2023-03-09',
      acceptedOn: '2023-03-01',
      acceptanceDueDate: null,
      deemedAccepted: true,
      dueDate: '2023-03-15',
    });
    await approval.publish('ProcedureAccepted', deemed, { actor: 'system', actorRole: 'system' });
    const result: AcceptanceWindowResult = await temporal.workflow
      .getHandle(acceptanceWindowWorkflowId(procedureId, 1))
      .result();
    expect(result).toMatchObject({ outcome: 'DEEMED_ACCEPTED', receivedOn: '2023-03-01', lapseReports: 1 });
    const notices = await eventually(async () => {
      const found = (
        await db.query(
          `SELECT subject, rung, recipients, due_date::text AS due, reason FROM deadline.escalations
            WHERE project_code = $1 AND subject LIKE 'acceptance:%'`,
          [project],
        )
      ).rows;
      expect(found).toHaveLength(1);
      return found;
    }, 30_000);
    expect(notices[0]).toEqual({
      subject: `acceptance:${procedureId}:1`,
      rung: 'deemed-accepted',
      recipients: [{ kind: 'SUPERVISORS' }],
      due: '2023-03-08',
      reason: `${procedureId}（第 1 次申请）视为受理。《行政许可法》第三十二条：EEB 自 2023-03-01 收到申请材料后 5 个工作日内未作受理决定，已视为受理，承诺时限自受理之日起计算。`,
    });
    const view = await eventually(
      () =>
        temporal.workflow
          .getHandle(procedureDeadlineWorkflowId(procedureId, 1))
          .query(procedureDeadlineQuery, '2023-03-09'),
      20_000,
    );
    expect(view).toMatchObject({ dueDate: '2023-03-15', sequence: 3 });
    // Delivered again: the ledger keeps the notice single.
    await approval.publish('ProcedureAccepted', deemed, { actor: 'system', actorRole: 'system' });
    await sleep(2_000);
    const count = await db.query(
      `SELECT count(*)::int AS n FROM deadline.escalations WHERE subject = $1 AND rung = 'deemed-accepted'`,
      [`acceptance:${procedureId}:1`],
    );
    expect(count.rows[0].n).toBe(1);
    expect(lapsesOf()).toHaveLength(1);
  }, 60_000);

  it('gives a submission projected before windows were followed its window (migration backfill), and the reconciler starts it', async () => {
    const older = randomProjectCode();
    const olderId = `${older}-EIA`;
    await approval.publish('ProcedureOpened', eiaSnapshot(older, {}));
    await approval.publish(
      'ProcedureSubmitted',
      eiaSnapshot(older, { status: 'SUBMITTED', sequence: 2, effectiveDate: '2023-03-01' }),
    );
    await eventually(async () => {
      const { rows } = await db.query(`SELECT status FROM deadline.procedures WHERE procedure_id = $1`, [
        olderId,
      ]);
      expect(rows).toEqual([{ status: 'SUBMITTED' }]);
    }, 30_000);
    // As a row projected by the previous release stands: no window facts, no workflow.
    await temporal.workflow
      .getHandle(acceptanceWindowWorkflowId(olderId, 1))
      .terminate('as before the release');
    await db.query(
      `UPDATE deadline.procedures SET received_on = NULL, acceptance_working_days = NULL, acceptance_recorded_at = NULL,
         acceptance_told_sequence = NULL, acceptance_open_application = NULL WHERE procedure_id = $1`,
      [olderId],
    );
    const runner = app.get(DataSource).createQueryRunner();
    await new BackfillAcceptanceWindows1765000400000().up(runner);
    await runner.release();

    await app.get(DeadlineReconciler).reconcile();
    await eventually(async () => {
      const reported = lapses.received.filter((e) => e.aggregateId === older);
      expect(reported.map((e) => e.payload)).toEqual([
        expect.objectContaining({
          procedureId: olderId,
          receivedOn: '2023-03-01',
          acceptanceDueDate: '2023-03-08',
        }),
      ]);
    }, 30_000);
  }, 60_000);
});
