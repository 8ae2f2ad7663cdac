import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  ProcedurePlanChangedV1,
  ProjectRegisteredV1,
  type EventDefinition,
  type ProcedureAction,
  type ProcedureCode,
} from '@banjie/contracts';
import { createChineseWorkingDayCalendar, parseLocalDate } from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import { approvalClient, eventually, requiredEnv } from '@banjie/testing';
import type { z } from 'zod';
import { startIsolatedApproval } from '../test/approval-api';

const OWNER = 'ENT-DELAYS';
const actors = {
  admin: { sub: 'admin-1', role: 'admin' },
  supervisor: { sub: 'leader-wang', role: 'supervisor' },
  dispatch: { sub: 'dispatch-1', role: 'dispatch' },
  eeb: { sub: 'eeb-clerk', role: 'department', department: 'EEB' },
  nrb: { sub: 'nrb-clerk', role: 'department', department: 'NRB' },
  owner: { sub: 'ent-user', role: 'enterprise', enterpriseId: OWNER },
  helper: { sub: 'helper-li', role: 'helper' },
} satisfies Record<string, Actor>;

interface Segment {
  phase: string;
  holder: string;
  from: string;
  to: string;
  workingDays: number;
  reason?: string;
}
interface TimelineBody {
  procedureId: string;
  asOf: string;
  timeline: {
    applicationNumber: number;
    deemedAccepted: boolean;
    facts: Record<string, unknown>;
    segments: Segment[];
    byPhase: Record<string, number>;
    byHolder: Record<string, number>;
    usedWorkingDays: number;
    committedWorkingDays: number;
    extensionWorkingDays: number;
  } | null;
  unavailable: { code: string } | null;
}
interface Group {
  key: string;
  label: string;
  procedures: number;
  awaitingAcceptance: number;
  committedWorkingDays: number;
  usedWorkingDays: number;
  overdueProcedures: number;
  overdueWorkingDays: number;
  byHolder: Record<string, number>;
  byPhase: Record<string, number>;
}
interface ReportBody {
  items: Group[];
  total: number;
  totals: Group;
  fields?: { field: string }[];
}

const calendar = createChineseWorkingDayCalendar();
const envelope = <P extends z.ZodType>(
  definition: EventDefinition<string, P>,
  key: string,
  payload: z.infer<P>,
) =>
  definition.envelope.parse({
    eventId: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    aggregateId: key,
    correlationId: randomUUID(),
    payload,
  });

describe('whose clock: timelines and the delay report on real PostgreSQL and Kafka', () => {
  let approval: INestApplication;
  let producer: Producer;
  // Far-off numbers: other files' projects on the shared broker never share a code.
  const base = randomInt(500_000, 900_000);
  const chained = `BJ-2023-${base}`;
  const unchained = `BJ-2023-${base + 1}`;
  const eia = `${chained}-EIA`;
  const landUse = `${chained}-LAND_USE`;
  const waitingEia = `${unchained}-EIA`;

  const as = (actor: keyof typeof actors) => approvalClient(approval, actors[actor]);
  const late = (procedureId: string, action: ProcedureAction, effectiveDate: string, body = {}) =>
    as('admin').act(procedureId, action, {
      ...body,
      effectiveDate,
      lateEntry: { reason: '纸质办理记录补录' },
    });
  const timeline = (actor: keyof typeof actors, procedureId: string, query = '') =>
    as(actor).request<TimelineBody>('GET', `/procedures/${procedureId}/timeline${query}`);
  const report = (actor: keyof typeof actors, query: string) =>
    as(actor).request<ReportBody>('GET', `/reports/delays${query}`);

  /** A plan with EIA (EEB, 10 working days) and LAND_USE (NRB, 20), through Kafka as intake publishes it. */
  async function publishPlan(code: string): Promise<void> {
    const items = (
      [
        ['EIA', 'EEB', 10],
        ['LAND_USE', 'NRB', 20],
      ] as const
    ).map(([procedure, department, days]) => ({
      procedure: procedure as ProcedureCode,
      applicability: 'REQUIRED' as const,
      department,
      timeLimitWorkingDays: days,
      targetDate: '2023-06-30',
    }));
    const plan = envelope(ProcedurePlanChangedV1, code, {
      public: { projectCode: code, planVersion: 1, effectiveDate: '2023-01-06', items },
      internal: { actor: 'admin-1', ownerEnterpriseId: OWNER, helpers: [] },
    });
    await producer.send({
      topic: ProcedurePlanChangedV1.topic,
      messages: [{ key: code, value: JSON.stringify(plan) }],
    });
  }

  beforeAll(async () => {
    ({ app: approval } = await startIsolatedApproval());
    producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    const registered = envelope(ProjectRegisteredV1, chained, {
      public: {
        code: chained,
        name: '可降解材料项目',
        type: 'NEW',
        cluster: 'MODERN_CHEMICALS',
        chain: '现代化工',
        location: '玉门经济开发区',
        responsibleUnit: '玉门经济开发区管委会',
        totalInvestment: '263',
        plannedStart: '2023-04-15',
        state: 'PREPARING',
      },
      internal: {
        ownerEnterpriseId: OWNER,
        ownerEnterpriseName: '测试企业',
        helpers: [{ name: '李明', userId: 'helper-li' }],
        leadingOfficial: '刘副市长',
        version: 1,
      },
    });
    await producer.send({
      topic: ProjectRegisteredV1.topic,
      messages: [{ key: chained, value: JSON.stringify(registered) }],
    });
    // The second project is known from its plan only: no chain on record.
    await publishPlan(chained);
    await publishPlan(unchained);
    await eventually(async () => {
      for (const id of [eia, landUse, waitingEia]) expect((await as('admin').get(id)).status).toBe(200);
    }, 30_000);

    // March 2023 has no holiday. EEB's EIA: submitted Wed 1 Mar, accepted 3 Mar, a supplement
    // 7 → 9 Mar, an expert review 13 → 15 Mar, 2 days' extension on 24 Mar, approved 31 Mar.
    const steps: [string, ProcedureAction, string, Record<string, unknown>?][] = [
      [eia, 'submit', '2023-03-01'],
      [eia, 'accept', '2023-03-03'],
      [eia, 'request-supplement', '2023-03-07', { supplementReason: 'MISSING_DOCUMENT' }],
      [eia, 'resubmit', '2023-03-09'],
      [eia, 'begin-excluded-period', '2023-03-13', { excludedReason: 'EXPERT_REVIEW' }],
      [eia, 'end-excluded-period', '2023-03-15'],
      [eia, 'extend', '2023-03-24', { days: 2, reason: '需补充论证' }],
      [eia, 'approve', '2023-03-31', { documentNumber: '玉环审〔2023〕12号' }],
      // NRB's LAND_USE: submitted 20 Mar, accepted 22 Mar, running.
      [landUse, 'submit', '2023-03-20'],
      [landUse, 'accept', '2023-03-22'],
      // The other project's EIA: submitted Mon 27 Mar, waiting for acceptance.
      [waitingEia, 'submit', '2023-03-27'],
    ];
    for (const [id, action, day, body] of steps) {
      const response = await late(id, action, day, body);
      expect([id, action, response.status]).toEqual([id, action, 200]);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([producer?.disconnect(), approval?.close()]);
  }, 60_000);

  it('answers a timeline whose segments add up to the working days since the submission', async () => {
    const response = await timeline('eeb', eia, '?asOf=2023-06-30');
    expect(response.status).toBe(200);
    const body = response.body.timeline!;
    expect(body.segments.map((s) => [s.phase, s.from, s.to, s.workingDays])).toEqual([
      ['AWAITING_ACCEPTANCE', '2023-03-02', '2023-03-03', 2],
      ['PROCESSING', '2023-03-06', '2023-03-07', 2],
      ['SUPPLEMENT', '2023-03-08', '2023-03-09', 2],
      ['PROCESSING', '2023-03-10', '2023-03-13', 2],
      ['EXCLUDED', '2023-03-14', '2023-03-15', 2],
      ['PROCESSING', '2023-03-16', '2023-03-23', 6],
      ['EXTENSION', '2023-03-24', '2023-03-27', 2],
      ['OVERDUE', '2023-03-28', '2023-03-31', 4],
    ]);
    expect(body.segments.find((s) => s.phase === 'EXCLUDED')).toMatchObject({
      holder: 'NOBODY',
      reason: 'EXPERT_REVIEW',
    });
    const total = body.segments.reduce((sum, s) => sum + s.workingDays, 0);
    expect(total).toBe(
      calendar.workingDaysBetween(parseLocalDate('2023-03-01'), parseLocalDate('2023-03-31')),
    );
    expect(body).toMatchObject({
      applicationNumber: 1,
      deemedAccepted: false,
      byHolder: { DEPARTMENT: 18, ENTERPRISE: 2, NOBODY: 2 },
      usedWorkingDays: 16,
      committedWorkingDays: 10,
      extensionWorkingDays: 2,
      facts: { submittedOn: '2023-03-01', acceptedOn: '2023-03-03', endedOn: '2023-03-31' },
    });
  });

  it('answers the timeline as it stood on an earlier day, and says when there was none', async () => {
    const earlier = (await timeline('supervisor', eia, '?asOf=2023-03-10')).body;
    expect(earlier.timeline?.segments.map((s) => [s.phase, s.workingDays])).toEqual([
      ['AWAITING_ACCEPTANCE', 2],
      ['PROCESSING', 2],
      ['SUPPLEMENT', 2],
      ['PROCESSING', 1],
    ]);
    expect(earlier.timeline?.facts).toMatchObject({
      supplements: [{ from: '2023-03-07', to: '2023-03-09' }],
      excludedPeriods: [],
      extensionWorkingDays: 0,
      endedOn: null,
    });
    const before = await timeline('supervisor', eia, '?asOf=2023-02-28');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ timeline: null, unavailable: { code: 'NO_APPLICATION' } });
  });

  it('hides the timeline from whoever may not see the procedure, and refuses a day it cannot count', async () => {
    expect((await timeline('nrb', eia)).status).toBe(404);
    expect((await timeline('owner', eia, '?asOf=2023-03-31')).status).toBe(200);
    for (const asOf of ['2023-02-30', '2101-01-01', '2100-06-01']) {
      const refused = await timeline('eeb', eia, `?asOf=${asOf}`);
      expect([asOf, refused.status]).toEqual([asOf, 400]);
      expect(JSON.stringify(refused.body)).toContain('asOf');
    }
  });

  it('sums two departments by whose turn it was, the department’s days first', async () => {
    const response = await report('supervisor', '?asOf=2023-03-31&groupBy=department');
    expect(response.status).toBe(200);
    expect(response.body.items.map((g) => [g.key, g.byHolder.DEPARTMENT])).toEqual([
      ['EEB', 22],
      ['NRB', 9],
    ]);
    expect(response.body.items[0]).toMatchObject({
      procedures: 2,
      awaitingAcceptance: 1,
      committedWorkingDays: 20,
      usedWorkingDays: 16,
      overdueProcedures: 1,
      overdueWorkingDays: 4,
      byHolder: { DEPARTMENT: 22, ENTERPRISE: 2, NOBODY: 2 },
      byPhase: { AWAITING_ACCEPTANCE: 6, PROCESSING: 10, EXTENSION: 2, OVERDUE: 4 },
    });
    expect(response.body.items[1]).toMatchObject({
      procedures: 1,
      usedWorkingDays: 7,
      committedWorkingDays: 20,
    });
    expect(response.body.totals).toMatchObject({ key: 'ALL', procedures: 3, usedWorkingDays: 23 });
    expect(response.body.totals.byHolder).toEqual({ DEPARTMENT: 31, ENTERPRISE: 2, NOBODY: 2 });

    const page = await report('dispatch', '?asOf=2023-03-31&groupBy=department&pageSize=1&page=2');
    expect(page.body).toMatchObject({ total: 2, items: [{ key: 'NRB' }], totals: { procedures: 3 } });
  });

  it('groups by chain (a project without one under NO_CHAIN), project and procedure', async () => {
    const byChain = (await report('admin', '?asOf=2023-03-31&groupBy=chain')).body;
    expect(byChain.items.map((g) => [g.key, g.procedures])).toEqual([
      ['现代化工', 2],
      ['NO_CHAIN', 1],
    ]);
    const byProject = (await report('admin', '?asOf=2023-03-31&groupBy=project')).body;
    expect(byProject.items.map((g) => [g.key, g.label])).toEqual([
      [chained, '可降解材料项目'],
      [unchained, unchained],
    ]);
    const byProcedure = (await report('admin', '?asOf=2023-03-31&groupBy=procedure')).body;
    expect(byProcedure.items.map((g) => [g.key, g.procedures])).toEqual([
      ['EIA', 2],
      ['LAND_USE', 1],
    ]);
  });

  it('shows a department only its own procedures, and nobody outside the government side', async () => {
    const eeb = (await report('eeb', '?asOf=2023-03-31')).body;
    expect(eeb.items.map((g) => g.key)).toEqual(['EEB']);
    expect(eeb.totals).toMatchObject({ procedures: 2, byHolder: { DEPARTMENT: 22 } });
    const nrb = (await report('nrb', '?asOf=2023-03-31&groupBy=project')).body;
    expect(nrb.items.map((g) => [g.key, g.procedures])).toEqual([[chained, 1]]);
    expect((await report('owner', '?asOf=2023-03-31')).status).toBe(403);
    expect((await report('helper', '?asOf=2023-03-31')).status).toBe(403);
  });

  it('knows only what was submitted by the day asked', async () => {
    const early = (await report('supervisor', '?asOf=2023-03-10')).body;
    expect(early.totals).toMatchObject({ procedures: 1, usedWorkingDays: 3 });
  });

  it('refuses a bad groupBy or asOf, naming the field', async () => {
    const badGroup = await report('supervisor', '?groupBy=city');
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.fields).toEqual([{ field: 'groupBy', rules: [expect.stringContaining('groupBy')] }]);
    for (const asOf of ['2023-13-01', '1999-12-31', '2100-06-01']) {
      const refused = await report('supervisor', `?asOf=${asOf}`);
      expect([asOf, refused.status, refused.body.fields?.[0]?.field]).toEqual([asOf, 400, 'asOf']);
    }
  });
});
