import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { shanghaiLocalDate } from '@banjie/domain';
import { deadlineClient, eventually, requiredEnv } from '@banjie/testing';
import { procedureDeadlineQuery, procedureDeadlineWorkflowId } from '@banjie/workflows';
import { DeadlineReconciler } from './reconciler/deadline.reconciler';
import {
  ApprovalEventPublisher,
  eiaSnapshot,
  randomProjectCode,
  startIsolatedDeadline,
} from './test/deadline-harness';

/**
 * Through real PostgreSQL, Kafka and the Temporal dev server: approval events → the projection →
 * one clock workflow per accepted application → reminder and escalation rows and events; the
 * supervisors' API; the reconciler healing a terminated workflow.
 */
describe('deadline service: procedure clocks, escalations, reconciler', () => {
  let app: INestApplication;
  let db: PgClient;
  let temporal: Client;
  let approval: ApprovalEventPublisher;
  const supervisor = () => deadlineClient(app, { sub: 'supervisor-wang', role: 'supervisor' });

  beforeAll(async () => {
    let databaseUrl: string;
    ({ app, databaseUrl } = await startIsolatedDeadline({
      RECONCILE_INTERVAL_MS: String(3_600_000),
      ESCALATION_ACK_TIMEOUT_MS: '1500',
      ESCALATION_FOLLOW_UP_INTERVAL_MS: '300',
      TARGET_QUARTER: '2023-Q1',
    }));
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    temporal = new Client({
      connection: await Connection.connect({ address: requiredEnv('TEMPORAL_ADDRESS') }),
    });
    approval = await ApprovalEventPublisher.connect();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([app?.close(), db?.end(), temporal?.connection.close(), approval?.disconnect()]);
  });

  const rows = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;

  describe('an application accepted on 1 March 2023 with 10 working days (long overdue)', () => {
    const project = randomProjectCode();
    const accepted = eiaSnapshot(project, {
      status: 'ACCEPTED',
      sequence: 2,
      effectiveDate: '2023-03-01',
      acceptedOn: '2023-03-01',
      dueDate: '2023-03-15',
    });

    it('starts its clock, which escalates to the supervisors and the leading official once each, skipping stale reminders', async () => {
      await approval.publish('ProcedureOpened', eiaSnapshot(project, {}));
      await approval.publish('ProcedureAccepted', accepted);
      const escalations = await eventually(async () => {
        const found = await rows(
          `SELECT rung, subject, department, due_date::text AS due, recipients FROM deadline.escalations WHERE project_code = $1 AND follow_up_of IS NULL ORDER BY rung DESC`,
          [project],
        );
        expect(found).toHaveLength(2);
        return found;
      }, 30_000);
      expect(escalations).toEqual([
        {
          rung: 'OVERDUE_SUPERVISOR',
          subject: `procedure:${project}-EIA:1`,
          department: 'EEB',
          due: '2023-03-15',
          recipients: [{ kind: 'SUPERVISORS' }],
        },
        {
          rung: 'OVERDUE_LEADING_OFFICIAL',
          subject: `procedure:${project}-EIA:1`,
          department: 'EEB',
          due: '2023-03-15',
          recipients: [{ kind: 'SUPERVISORS' }],
        },
      ]);
      expect(await rows(`SELECT 1 FROM deadline.reminders WHERE project_code = $1`, [project])).toEqual([]);
      const events = await rows(
        `SELECT envelope FROM deadline.outbox WHERE message_key = $1 AND envelope->>'type' = 'EscalationRaised'`,
        [project],
      );
      expect(events.map((e) => e.envelope.payload.rung).sort()).toEqual(
        expect.arrayContaining(['OVERDUE_LEADING_OFFICIAL', 'OVERDUE_SUPERVISOR']),
      );
      expect(events[0].envelope).toMatchObject({
        correlationId: 'test-ProcedureAccepted',
        payload: { procedureId: `${project}-EIA`, applicationNumber: 1 },
      });
      const view = await temporal.workflow
        .getHandle(procedureDeadlineWorkflowId(`${project}-EIA`, 1))
        .query(procedureDeadlineQuery, '2023-03-20');
      expect(view).toMatchObject({
        status: 'OVERDUE',
        dueDate: '2023-03-15',
        remainingWorkingDays: -3,
        sequence: 2,
        nextRung: null,
      });
    }, 60_000);

    it('lists, filters and acknowledges escalations; unacknowledged ones escalate again, once', async () => {
      const call = supervisor();
      const listed = await call<{ items: { id: string; rung: string }[]; total: number }>(
        'GET',
        `/escalations?project=${project}&rung=OVERDUE_SUPERVISOR`,
      );
      expect(listed.status).toBe(200);
      expect(listed.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      const id = listed.body.items[0]!.id;

      const acked = await call('POST', `/escalations/${id}/ack`);
      expect(acked.status).toBe(200);
      expect(acked.body).toMatchObject({
        id,
        status: 'acknowledged',
        acknowledgedBy: 'supervisor-wang',
        acknowledgedAt: expect.any(String),
      });
      const again = await call('POST', `/escalations/${id}/ack`);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ALREADY_ACKNOWLEDGED', acknowledgedBy: 'supervisor-wang' });
      expect(
        (
          await deadlineClient(app, { sub: 'eeb-1', role: 'department', department: 'EEB' })(
            'POST',
            `/escalations/${id}/ack`,
          )
        ).status,
      ).toBe(403);
      expect(
        (await deadlineClient(app, { sub: 'dispatch-1', role: 'dispatch' })('POST', `/escalations/${id}/ack`))
          .status,
      ).toBe(403);
      const badId = await call<{ message: string[] }>('POST', '/escalations/not-a-uuid/ack');
      expect(badId.status).toBe(400);
      expect(badId.body.message.join()).toMatch(/^id must be an escalation id/);
      expect((await call('POST', '/escalations/7d1c0c5e-0000-4000-8000-000000000000/ack')).status).toBe(404);
      const badFilter = await call<{ message: string[] }>('GET', '/escalations?status=closed');
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.message.join()).toMatch(/status/);
      const tooBig = await call<{ message: string[] }>('GET', '/escalations?pageSize=201');
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.message).toEqual(['pageSize must be at most 200']);
      const secondPage = await call<{ items: unknown[]; total: number }>(
        'GET',
        `/escalations?project=${project}&pageSize=1&page=2`,
      );
      expect(secondPage.body.items).toHaveLength(secondPage.body.total >= 2 ? 1 : 0);

      const acknowledged = await call<{ items: { id: string }[] }>(
        'GET',
        `/escalations?status=acknowledged&project=${project}`,
      );
      expect(acknowledged.body.items.map((e) => e.id)).toEqual([id]);

      // ESCALATION_ACK_TIMEOUT_MS is 1.5 s here: the leading official's escalation (and the supervisors' one if it was
      // followed up before the acknowledgement) escalate again exactly once, follow-ups are never followed up.
      await eventually(async () => {
        const followUps = await rows(
          `SELECT rung FROM deadline.escalations WHERE project_code = $1 AND follow_up_of IS NOT NULL`,
          [project],
        );
        expect(followUps.map((f) => f.rung)).toContain('OVERDUE_LEADING_OFFICIAL:UNACKNOWLEDGED');
      }, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const all = await rows(
        `SELECT rung, count(*)::int AS n FROM deadline.escalations WHERE project_code = $1 GROUP BY rung`,
        [project],
      );
      expect(all.every((r) => r.n === 1)).toBe(true);
      expect(all.filter((r) => r.rung.endsWith(':UNACKNOWLEDGED:UNACKNOWLEDGED'))).toEqual([]);
    }, 60_000);

    it('heals: a terminated workflow is back after the reconciler runs, with the right clock and no second escalation', async () => {
      const handle = temporal.workflow.getHandle(procedureDeadlineWorkflowId(`${project}-EIA`, 1));
      const before = await handle.describe();
      await handle.terminate('simulating lost Temporal state');
      const report = await app.get(DeadlineReconciler).reconcile();
      expect(report.started).toBeGreaterThanOrEqual(1);
      const after = await temporal.workflow
        .getHandle(procedureDeadlineWorkflowId(`${project}-EIA`, 1))
        .describe();
      expect(after.status.name).toBe('RUNNING');
      expect(after.runId).not.toBe(before.runId);
      const view = await eventually(async () => {
        const current = await temporal.workflow
          .getHandle(procedureDeadlineWorkflowId(`${project}-EIA`, 1))
          .query(procedureDeadlineQuery, '2023-03-15');
        expect(current.rungsSent).toEqual(['OVERDUE_SUPERVISOR', 'OVERDUE_LEADING_OFFICIAL']);
        return current;
      }, 20_000);
      expect(view).toMatchObject({
        sequence: 2,
        dueDate: '2023-03-15',
        remainingWorkingDays: 0,
        status: 'DUE_SOON',
      });
      const supervisorRows = await rows(
        `SELECT count(*)::int AS n FROM deadline.escalations WHERE project_code = $1 AND rung = 'OVERDUE_SUPERVISOR'`,
        [project],
      );
      expect(supervisorRows[0].n).toBe(1);
      // A second run finds everything in order.
      expect(await app.get(DeadlineReconciler).reconcile()).toMatchObject({
        started: 0,
        synced: 0,
        failed: 0,
      });
    }, 60_000);

    it('ends the clock on approval; a stale event changes nothing', async () => {
      await approval.publish('ProcedureApproved', {
        ...accepted,
        status: 'APPROVED',
        sequence: 3,
        effectiveDate: '2023-03-28',
        completedOn: '2023-03-28',
        documentNumber: '玉环审〔2023〕12号',
      });
      const result = await temporal.workflow
        .getHandle(procedureDeadlineWorkflowId(`${project}-EIA`, 1))
        .result();
      expect(result).toMatchObject({
        outcome: 'APPROVED',
        endedOn: '2023-03-28',
        dueDate: '2023-03-15',
        endedInTime: false,
      });
      await approval.publish('ProcedureAccepted', accepted); // redelivered old news, as a replay might
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(
        await rows(
          `SELECT status, sequence, completed_on::text AS completed FROM deadline.procedures WHERE procedure_id = $1`,
          [`${project}-EIA`],
        ),
      ).toEqual([{ status: 'APPROVED', sequence: 3, completed: '2023-03-28' }]);
    }, 60_000);
  });

  it('reminds the department and the helper when an application is due within three working days', async () => {
    const project = randomProjectCode();
    const today = shanghaiLocalDate(new Date());
    await approval.publish(
      'ProcedureAccepted',
      eiaSnapshot(project, {
        status: 'ACCEPTED',
        sequence: 2,
        effectiveDate: today,
        acceptedOn: today,
        committedWorkingDays: 2,
      }),
    );
    const reminders = await eventually(async () => {
      const found = await rows(
        `SELECT rung, recipients, remaining_working_days AS remaining FROM deadline.reminders WHERE project_code = $1`,
        [project],
      );
      expect(found).toHaveLength(1);
      return found;
    }, 30_000);
    expect(reminders[0]).toEqual({
      rung: 'REMINDER_3WD_BEFORE',
      remaining: 2,
      recipients: [
        { kind: 'DEPARTMENT', id: 'EEB' },
        { kind: 'HELPER', id: 'helper-li' },
      ],
    });
    const [event] = await rows(
      `SELECT envelope FROM deadline.outbox WHERE message_key = $1 AND envelope->>'type' = 'ReminderSent'`,
      [project],
    );
    expect(event.envelope).toMatchObject({
      type: 'ReminderSent',
      payload: { rung: 'REMINDER_3WD_BEFORE', department: 'EEB', remainingWorkingDays: 2 },
    });
  }, 60_000);

  it('GET /targets/:quarter reads actual, forecast and target from the projection; a bad quarter is 400 naming the parameter', async () => {
    const call = supervisor();
    const report = await call<Record<string, unknown>>('GET', '/targets/2023-Q1?asOf=2023-03-31');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      quarter: '2023-Q1',
      target: 0.6,
      asOf: '2023-03-31',
      actual: { applicable: expect.any(Number), completed: expect.any(Number) },
      forecast: expect.objectContaining({ basis: expect.any(String) }),
      checkpoints: expect.any(Array),
    });
    const bad = await call<{ message: string[] }>('GET', '/targets/2023-Q5');
    expect(bad.status).toBe(400);
    expect(bad.body.message.join()).toMatch(/^quarter must be a quarter 'YYYY-Qn'/);
    expect(
      (
        await deadlineClient(app, { sub: 'ent', role: 'enterprise', enterpriseId: 'ENT-1' })(
          'GET',
          '/targets/2023-Q1',
        )
      ).status,
    ).toBe(403);
  }, 30_000);

  it('GET /targets bounds its quarter and day: 9999-Q4 (it looped until the process died) and far days are 400 naming the parameter and the range', async () => {
    const call = supervisor();
    for (const quarter of ['9999-Q4', '0001-Q1', '1999-Q4', '2101-Q1']) {
      expect(await call('GET', `/targets/${quarter}`)).toEqual({
        status: 400,
        body: expect.objectContaining({ message: ['quarter must be a quarter from 2000-Q1 to 2100-Q4'] }),
      });
    }
    for (const asOf of ['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01']) {
      const refused = await call<{ message: string[] }>('GET', `/targets/2023-Q1?asOf=${asOf}`);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain('asOf must be a day from 2000-01-01 to 2100-12-31');
    }
    // Within the range but outside the working-day calendar: refused by the parameter, not a 500.
    const uncovered = await call<{ code: string; message: string }>('GET', '/targets/2100-Q4');
    expect(uncovered.status).toBe(400);
    expect(uncovered.body).toMatchObject({
      code: 'CALENDAR_NOT_COVERED',
      message: expect.stringMatching(/^quarter: .*2100.* covers 2004–\d{4}/),
    });
    const lateDay = await call<{ code: string; message: string }>('GET', '/targets/2023-Q1?asOf=2100-12-31');
    expect(lateDay).toMatchObject({
      status: 400,
      body: { code: 'CALENDAR_NOT_COVERED', message: expect.stringMatching(/^asOf: /) },
    });
    expect((await call('GET', '/targets/2023-Q1?asOf=2023-03-31')).status).toBe(200);
  }, 30_000);
});
