import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { Topics, type PayloadOf, type ProjectRegisteredV1 } from '@banjie/contracts';
import {
  createChineseWorkingDayCalendar,
  parseLocalDate,
  parseQuarter,
  quarterCheckpoints,
  shanghaiLocalDate,
} from '@banjie/domain';
import { deadlineClient, eventually, requiredEnv } from '@banjie/testing';
import { QuarterTargetStarter } from './targets/quarter-target.starter';
import {
  ApprovalEventPublisher,
  eiaSnapshot,
  randomProjectCode,
  startIsolatedDeadline,
} from './test/deadline-harness';

/** Publishes a project's registration as intake would, with the day it was put on the list. */
async function registerProject(producer: Producer, code: string, listedOn: string): Promise<void> {
  const payload: PayloadOf<typeof ProjectRegisteredV1> = {
    public: {
      code,
      name: `项目 ${code}`,
      type: 'NEW',
      cluster: 'OTHER',
      chain: '新能源',
      location: '玉环',
      responsibleUnit: '发改局',
      totalInvestment: '1000.00',
      plannedStart: listedOn,
      state: 'UNDER_CONSTRUCTION',
      listedOn,
    },
    internal: {
      ownerEnterpriseId: 'ENT-TEST',
      ownerEnterpriseName: '测试企业',
      helpers: [],
      leadingOfficial: '王局长',
      version: 1,
    },
  };
  const envelope = {
    eventId: randomUUID(),
    type: 'ProjectRegistered',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: code,
    correlationId: 'test-ProjectRegistered',
    payload,
  };
  await producer.send({
    topic: Topics.INTAKE_PROJECT,
    messages: [{ key: code, value: JSON.stringify(envelope) }],
  });
}

/** The list endpoints may answer a bare array or a page of items. */
const itemsOf = <T>(body: T[] | { items: T[] }): T[] => (Array.isArray(body) ? body : body.items);

/**
 * Issue #16 through real PostgreSQL, Kafka and Temporal: a target as of a day counts only what was
 * listed and existed by then; a past quarter is computed from history, not run through its
 * checkpoints at boot; an escalation whose procedure was completed in time is withdrawn; a late
 * escalation says how overdue the procedure is on the day it is raised, in Chinese.
 */
describe('deadline service: history read after the fact', () => {
  let app: INestApplication;
  let db: PgClient;
  let approval: ApprovalEventPublisher;
  let producer: Producer;
  const supervisor = () => deadlineClient(app, { sub: 'supervisor-wang', role: 'supervisor' });
  const rows = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;

  beforeAll(async () => {
    let databaseUrl: string;
    ({ app, databaseUrl } = await startIsolatedDeadline({
      RECONCILE_INTERVAL_MS: String(3_600_000),
      TARGET_QUARTER: '2023-Q1',
      TARGET_AT_RISK_LIMIT: '100',
    }));
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    approval = await ApprovalEventPublisher.connect();
    producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([app?.close(), db?.end(), approval?.disconnect(), producer?.disconnect()]);
  });

  it('GET /targets/2023-Q1?asOf=2023-03-28 leaves out a project listed in 2026 and a procedure planned after the day', async () => {
    const listed2023 = randomProjectCode();
    const listed2026 = randomProjectCode();
    await registerProject(producer, listed2023, '2023-01-05');
    await registerProject(producer, listed2026, '2026-11-02');
    // An early target ranks them first among the procedures not yet applied for, in the at-risk list.
    const early = { targetDate: '2023-01-09', baselineDate: '2023-01-09' };
    await approval.publish(
      'ProcedureOpened',
      eiaSnapshot(listed2023, { effectiveDate: '2023-01-06', ...early }),
    );
    await approval.publish(
      'ProcedureOpened',
      eiaSnapshot(listed2026, { effectiveDate: '2026-11-03', ...early }),
    );
    await eventually(async () => {
      const known = await rows(
        `SELECT p.procedure_id, p.opened_on::text AS opened, d.listed_on::text AS listed
           FROM deadline.procedures p JOIN deadline.project_directory d ON d.code = p.project_code
          WHERE p.project_code = ANY($1) ORDER BY p.opened_on`,
        [[listed2023, listed2026]],
      );
      expect(known).toEqual([
        { procedure_id: `${listed2023}-EIA`, opened: '2023-01-06', listed: '2023-01-05' },
        { procedure_id: `${listed2026}-EIA`, opened: '2026-11-03', listed: '2026-11-02' },
      ]);
    }, 30_000);

    const atRiskOn = async (asOf: string): Promise<string[]> => {
      const report = await supervisor()<{ atRisk: { procedureId: string }[] }>(
        'GET',
        `/targets/2023-Q1?asOf=${asOf}`,
      );
      expect(report.status).toBe(200);
      return report.body.atRisk.map((p) => p.procedureId);
    };
    const in2023 = await atRiskOn('2023-03-28');
    expect(in2023).toContain(`${listed2023}-EIA`);
    expect(in2023).not.toContain(`${listed2026}-EIA`);
    expect(await atRiskOn('2026-11-30')).toEqual(
      expect.arrayContaining([`${listed2023}-EIA`, `${listed2026}-EIA`]),
    );
  }, 60_000);

  it('does not run an ended quarter through its checkpoints: GET /targets computes it from history, marked so', async () => {
    expect(await app.get(QuarterTargetStarter).ensureStarted()).toBe(false);
    expect(
      await rows(`SELECT as_of FROM deadline.quarter_checkpoints WHERE quarter = '2023-Q1'`, []),
    ).toEqual([]);
    const report = await supervisor()<{
      computedAfterTheFact: boolean;
      checkpoints: {
        asOf: string;
        recordedAt: string | null;
        computedAfterTheFact: boolean;
        escalated: boolean;
      }[];
      result: { computedAfterTheFact: boolean; concludedAt: string | null; met: boolean | null } | null;
      actual: { rate: number | null };
    }>('GET', '/targets/2023-Q1');
    expect(report.status).toBe(200);
    expect(report.body.computedAfterTheFact).toBe(true);
    expect(report.body.checkpoints.map((c) => c.asOf)).toEqual(quarterCheckpoints(parseQuarter('2023-Q1')));
    expect(
      report.body.checkpoints.every((c) => c.computedAfterTheFact && c.recordedAt === null && !c.escalated),
    ).toBe(true);
    expect(report.body.result).toMatchObject({ computedAfterTheFact: true, concludedAt: null });
    expect(report.body.result?.met).toBe(
      report.body.actual.rate === null ? null : report.body.actual.rate >= 0.6,
    );
    expect(await rows(`SELECT 1 FROM deadline.quarter_results WHERE quarter = '2023-Q1'`, [])).toEqual([]);
  }, 30_000);

  it('withdraws the escalations of a procedure whose on-time approval arrives after them; a late escalation counts its working days overdue on the day it is raised', async () => {
    const project = randomProjectCode();
    const accepted = eiaSnapshot(project, {
      status: 'ACCEPTED',
      sequence: 2,
      effectiveDate: '2023-03-01',
      acceptedOn: '2023-03-01',
      dueDate: '2023-03-15',
    });
    await approval.publish('ProcedureOpened', eiaSnapshot(project, {}));
    await approval.publish('ProcedureAccepted', accepted);
    const raised = await eventually(async () => {
      const found = await rows(
        `SELECT id, rung, reason FROM deadline.escalations WHERE project_code = $1 ORDER BY rung DESC`,
        [project],
      );
      expect(found).toHaveLength(2);
      return found as { id: string; rung: string; reason: string }[];
    }, 30_000);
    const today = shanghaiLocalDate(new Date());
    const overdueToday = createChineseWorkingDayCalendar().workingDaysBetween(
      parseLocalDate('2023-03-15'),
      today,
    );
    expect(raised[0]!.reason).toBe(
      `${project}-EIA（第 1 次申请，EEB）应于 2023-03-15 办结，截至 ${today} 已超期 ${overdueToday} 个工作日。`,
    );

    // The approval took effect on 14 March, before the due date; it was only recorded after the escalations.
    await approval.publish('ProcedureApproved', {
      ...accepted,
      status: 'APPROVED',
      sequence: 3,
      effectiveDate: '2023-03-14',
      completedOn: '2023-03-14',
      documentNumber: '玉环审〔2023〕9号',
    });
    const withdrawn = await eventually(async () => {
      const found = await rows(
        `SELECT id, status, withdrawn_at IS NOT NULL AS "hasWhen", withdrawn_reason AS why FROM deadline.escalations WHERE project_code = $1`,
        [project],
      );
      expect(found.every((e) => e.status === 'withdrawn')).toBe(true);
      return found;
    }, 30_000);
    expect(withdrawn).toHaveLength(2);
    expect(withdrawn.every((e) => e.hasWhen && /已于 2023-03-14 办结/.test(e.why))).toBe(true);
    const events = await rows(
      `SELECT envelope FROM deadline.outbox WHERE message_key = $1 AND envelope->>'type' = 'EscalationWithdrawn'`,
      [project],
    );
    expect(events.map((e) => e.envelope.payload.escalationId).sort()).toEqual(raised.map((e) => e.id).sort());
    expect(events[0].envelope.payload).toMatchObject({ completedOn: '2023-03-14', dueDate: '2023-03-15' });

    const call = supervisor();
    const open = await call<{ id: string }[] | { items: { id: string }[] }>(
      'GET',
      `/escalations?status=open&project=${project}`,
    );
    expect(itemsOf(open.body)).toEqual([]);
    const all = await call<{ status: string }[] | { items: { status: string }[] }>(
      'GET',
      `/escalations?project=${project}`,
    );
    expect(itemsOf(all.body).map((e) => e.status)).toEqual(['withdrawn', 'withdrawn']);
    const ack = await call<{ code: string }>('POST', `/escalations/${raised[0]!.id}/ack`);
    expect(ack.status).toBe(409);
    expect(ack.body.code).toBe('ESCALATION_WITHDRAWN');
  }, 90_000);
});
