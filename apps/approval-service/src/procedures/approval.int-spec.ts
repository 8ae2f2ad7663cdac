import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { PROCEDURE_ACTIONS, Topics, type ProcedureAction } from '@banjie/contracts';
import { addDays, createChineseWorkingDayCalendar, type LocalDate } from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import {
  approvalClient,
  eventually,
  freshDatabaseUrl,
  intakeClient,
  planItems,
  recordEvents,
  requiredEnv,
  sampleRegistration,
  startTestStack,
  type EventRecorder,
  type TestStack,
} from '@banjie/testing';
import { startIsolatedApproval, VALID_ACTION_BODIES } from '../test/approval-api';

interface ReceivedEvent {
  eventId: string;
  type: string;
  aggregateId: string;
  payload: {
    public: Record<string, unknown> & { procedureId: string; sequence: number };
    internal: Record<string, unknown>;
  };
}

const OWNER = sampleRegistration.ownerEnterprise.id;
const actors = {
  eeb: { sub: 'eeb-clerk', role: 'department', department: 'EEB' },
  nrb: { sub: 'nrb-clerk', role: 'department', department: 'NRB' },
  helper: { sub: 'helper-li', role: 'helper' },
  strangerHelper: { sub: 'helper-zhang', role: 'helper' },
  owner: { sub: 'ent-user', role: 'enterprise', enterpriseId: OWNER },
  otherEnterprise: { sub: 'other-user', role: 'enterprise', enterpriseId: 'ENT-OTHER' },
  supervisor: { sub: 'leader-wang', role: 'supervisor' },
  dispatch: { sub: 'dispatch-1', role: 'dispatch' },
  admin: { sub: 'admin-1', role: 'admin' },
} satisfies Record<string, Actor>;

/**
 * Who may do what on an EIA procedure (EEB's) of the owner's project with helper-li assigned: the
 * role × action matrix. `null`: the caller cannot see the procedure at all (404, nothing audited).
 */
const PERMITTED: Record<keyof typeof actors, ProcedureAction[] | null> = {
  eeb: [
    'accept',
    'request-supplement',
    'approve',
    'refuse',
    'extend',
    'mark-not-applicable',
    'mark-already-held',
    'begin-excluded-period',
    'end-excluded-period',
  ],
  nrb: null,
  helper: ['submit', 'resubmit', 'withdraw'],
  strangerHelper: null,
  owner: ['submit', 'resubmit', 'withdraw'],
  otherEnterprise: null,
  supervisor: [],
  dispatch: [],
  admin: ['mark-not-applicable', 'mark-already-held'],
};
/** Every action a person asks for over HTTP: deem-accept is the system's, without an endpoint. */
const HTTP_ACTIONS = PROCEDURE_ACTIONS.filter((action) => action !== 'deem-accept');
const LATE = { reason: '系统上线前的办理记录补录', evidence: '纸质档案' };

describe('approval service on real PostgreSQL and Kafka (with the intake service)', () => {
  let intake: TestStack;
  let approval: INestApplication;
  let db: PgClient;
  let recorder: EventRecorder<ReceivedEvent>;

  beforeAll(async () => {
    const databaseUrl = await freshDatabaseUrl('approval');
    // The intake service runs as its own process, as in production: the plans come from it over Kafka.
    [intake, { app: approval }] = await Promise.all([
      startTestStack('approval', ['intake-service'], { databaseUrl }),
      startIsolatedApproval(databaseUrl),
    ]);
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    recorder = await recordEvents<ReceivedEvent>([Topics.APPROVAL_PROCEDURE]);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([recorder?.stop(), approval?.close(), intake?.stop(), db?.end()]);
  }, 60_000);

  const as = (actor: keyof typeof actors) => approvalClient(approval, actors[actor]);
  const intakeAdmin = () => intakeClient(intake.urlOf('intake-service'), { sub: 'admin-1', role: 'admin' });
  const eventsOf = (procedureId: string) =>
    recorder.received.filter((e) => e.payload.public.procedureId === procedureId);
  /** Records a past action as it happened (older than the back-dating grace): an admin's late entry on behalf of the actor whose action it was. */
  const lateFor = (party: keyof typeof actors) => ({
    act: (procedureId: string, action: ProcedureAction, body: Record<string, unknown>) =>
      as('admin').act(procedureId, action, {
        ...body,
        lateEntry: { ...LATE, ...(actors[party].role === 'helper' ? { helper: actors[party].sub } : {}) },
      }),
  });
  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

  /** Registers a project (helper-li assigned) with a plan through intake, and waits for its 11 procedures here. */
  async function plannedProject(): Promise<string> {
    const registered = await intakeAdmin()<{ code: string }>('POST', '/projects', {
      ...sampleRegistration,
      name: `审批测试项目 ${randomUUID().slice(0, 8)}`,
      helpers: [{ name: '李明', phone: '13800000000', userId: 'helper-li' }],
    });
    expect(registered.status).toBe(201);
    const code = registered.body.code;
    const plan = await intakeAdmin()('PUT', `/projects/${code}/plan`, {
      effectiveDate: '2023-01-06',
      reason: '前期手续计划',
      items: planItems('2023-03-31', {
        SAFETY: { procedure: 'SAFETY', applicability: 'ALREADY_HELD', documentNumber: '酒安评〔2020〕3号' },
        SOIL_WATER: { procedure: 'SOIL_WATER', applicability: 'NOT_APPLICABLE' },
      }),
    });
    expect(plan.status).toBe(200);
    await eventually(
      async () => expect((await as('admin').ofProject(code)).body.items).toHaveLength(11),
      30_000,
    );
    return code;
  }

  it('creates the 11 procedures from the intake plan and publishes ProcedureOpened with the whole snapshot', async () => {
    const code = await plannedProject();
    const procedures = (await as('supervisor').ofProject(code)).body.items;
    expect(procedures.map((p) => p.procedure)).toEqual([
      'PROJECT_APPROVAL',
      'LAND_PREEXAM',
      'LAND_USE',
      'LAND_PLANNING',
      'ENGINEERING_PLANNING',
      'ENERGY_QUOTA',
      'EIA',
      'SAFETY',
      'SOIL_WATER',
      'FIRE_DESIGN',
      'CONSTRUCTION_PERMIT',
    ]);
    expect(procedures.find((p) => p.procedure === 'EIA')).toMatchObject({
      procedureId: `${code}-EIA`,
      department: 'EEB',
      status: 'PLANNED',
      sequence: 1,
      effectiveDate: '2023-01-06',
      committedWorkingDays: 15,
      baselineDate: '2023-03-31',
      targetDate: '2023-03-31',
      deadlineStatus: 'NOT_STARTED',
      allowedActions: ['submit', 'mark-not-applicable', 'mark-already-held'],
    });
    expect(procedures.find((p) => p.procedure === 'SAFETY')).toMatchObject({
      status: 'ALREADY_HELD',
      documentNumber: '酒安评〔2020〕3号',
      deadlineStatus: 'CLOSED',
    });
    expect(procedures.find((p) => p.procedure === 'SOIL_WATER')).toMatchObject({
      status: 'NOT_APPLICABLE',
      committedWorkingDays: null,
    });
    await eventually(() => {
      const opened = recorder.received.filter((e) => e.aggregateId === code && e.type === 'ProcedureOpened');
      expect(opened).toHaveLength(11);
      expect(opened.find((e) => e.payload.public.procedure === 'EIA')).toMatchObject({
        payload: {
          public: {
            procedureId: `${code}-EIA`,
            status: 'PLANNED',
            sequence: 1,
            applicationNumber: 0,
            dueDate: null,
            dueDateUnavailable: null,
            pauses: [],
          },
          internal: {
            actor: 'admin-1',
            actorRole: 'admin',
            reason: '前期手续计划',
            ownerEnterpriseId: OWNER,
            helpers: ['helper-li'],
          },
        },
      });
    });
  }, 60_000);

  it('enforces the whole role × action matrix, and writes every refusal of a caller who sees the procedure to the audit trail', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    for (const [name, permitted] of Object.entries(PERMITTED) as [
      keyof typeof actors,
      ProcedureAction[] | null,
    ][]) {
      for (const action of HTTP_ACTIONS) {
        // A stale expectedSequence stops a permitted action after the permission check, so nothing changes.
        const response = await as(name).act(eia, action, {
          ...VALID_ACTION_BODIES[action],
          expectedSequence: 99,
        });
        const expected = permitted === null ? 404 : permitted.includes(action) ? 409 : 403;
        expect({ name, action, status: response.status }).toEqual({ name, action, status: expected });
        if (expected === 409) expect(response.body.code).toBe('STALE_SEQUENCE');
      }
    }
    const denials = (await as('admin').audit(eia)).body.items.filter((row) => row.outcome === 'DENIED');
    const expectedDenials = Object.values(PERMITTED).reduce(
      (sum, permitted) => sum + (permitted === null ? 0 : HTTP_ACTIONS.length - permitted.length),
      0,
    );
    expect(denials).toHaveLength(expectedDenials);
    expect(denials.find((row) => row.actor === 'helper-li' && row.action === 'approve')).toMatchObject({
      actorRole: 'helper',
      fromStatus: 'PLANNED',
      toStatus: null,
      refusalCode: 'ROLE_MAY_NOT_PERFORM_ACTION',
      documentNumber: '玉环审〔2023〕12号',
    });
    expect(denials.find((row) => row.actor === 'dispatch-1' && row.action === 'submit')).toMatchObject({
      refusalCode: 'ROLE_MAY_NOT_PERFORM_ACTION',
    });
    expect(
      denials.filter((row) => ['nrb-clerk', 'helper-zhang', 'other-user'].includes(String(row.actor))),
    ).toEqual([]);
    expect((await as('admin').get(eia)).body).toMatchObject({ status: 'PLANNED', sequence: 1 });

    // And the permitted ones really work: the helper submits, the department accepts (history older than the grace: as late entries).
    expect((await lateFor('helper').act(eia, 'submit', { effectiveDate: '2023-01-16' })).status).toBe(200);
    expect((await as('nrb').act(eia, 'accept', {})).status).toBe(404);
    const accepted = await lateFor('eeb').act(eia, 'accept', { effectiveDate: '2023-01-18' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'ACCEPTED',
      acceptedOn: '2023-01-18',
      dueDate: '2023-02-13',
    });
    expect((await as('eeb').get(eia)).body.permittedActions).toEqual([
      'request-supplement',
      'approve',
      'refuse',
      'extend',
      'begin-excluded-period',
    ]);
    // The trail cannot be rewritten, even by the service's own database user.
    await expect(
      db.query(`UPDATE approval.audit_trail SET outcome = 'APPLIED' WHERE procedure_id = $1`, [eia]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM approval.audit_trail WHERE procedure_id = $1`, [eia])).rejects.toThrow(
      /append-only/,
    );
  }, 120_000);

  it('runs an application to approval, publishing each step with its dates, and the intake summary counts it', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    const summaryOn = async (asOf: string) =>
      (
        await intakeAdmin()<{ procedures: { applicable: number; completed: number } }>(
          'GET',
          `/portfolio/summary?asOf=${asOf}`,
        )
      ).body.procedures;
    const before = await summaryOn('2023-02-17');

    // The history of January and February, recorded now: each step an admin's late entry on behalf of its party.
    const steps: [keyof typeof actors, ProcedureAction, Record<string, unknown>][] = [
      ['owner', 'submit', { effectiveDate: '2023-01-17' }],
      ['eeb', 'accept', { effectiveDate: '2023-01-18', note: '材料齐全' }],
      [
        'eeb',
        'request-supplement',
        { effectiveDate: '2023-01-30', supplementReason: 'MISSING_DOCUMENT', note: '缺少监测报告' },
      ],
      ['helper', 'resubmit', { effectiveDate: '2023-02-01' }],
      ['eeb', 'extend', { effectiveDate: '2023-02-02', days: 3, reason: '需专家论证' }],
      ['eeb', 'approve', { effectiveDate: '2023-02-17', documentNumber: '玉环审〔2023〕12号' }],
    ];
    for (const [actor, action, body] of steps) {
      const response = await lateFor(actor).act(eia, action, body);
      expect({ action, status: response.status, message: response.body.message }).toMatchObject({
        action,
        status: 200,
      });
    }
    const events = await eventually(() => {
      const mine = eventsOf(eia).filter((e) => e.type !== 'ProcedureOpened');
      expect(mine).toHaveLength(6);
      return mine;
    });
    expect(
      events.map((e) => [
        e.type,
        e.payload.public.sequence,
        e.payload.public.status,
        e.payload.public.dueDate,
      ]),
    ).toEqual([
      ['ProcedureSubmitted', 2, 'SUBMITTED', null],
      // 15 working days from 18 Jan across the Spring Festival (adjusted 28 and 29 Jan count).
      ['ProcedureAccepted', 3, 'ACCEPTED', '2023-02-13'],
      ['ProcedureSupplementRequested', 4, 'SUPPLEMENT_REQUESTED', null],
      // 5 days used before the request (19, 20, 28, 29, 30 Jan); 31 Jan and 1 Feb paused; 10 left from 2 Feb.
      ['ProcedureResubmitted', 5, 'ACCEPTED', '2023-02-15'],
      ['ProcedureExtended', 6, 'ACCEPTED', '2023-02-20'],
      ['ProcedureApproved', 7, 'APPROVED', null],
    ]);
    expect(events[2]!.payload.public).toMatchObject({
      supplementReason: 'MISSING_DOCUMENT',
      pauses: [{ from: '2023-01-30', to: null }],
    });
    expect(events[4]!.payload.public).toMatchObject({ extensionDays: 3, extensionWorkingDays: 3 });
    expect(events[5]!.payload).toMatchObject({
      public: {
        applicationNumber: 1,
        submittedOn: '2023-01-17',
        acceptedOn: '2023-01-18',
        pauses: [{ from: '2023-01-30', to: '2023-02-01' }],
        completedOn: '2023-02-17',
        documentNumber: '玉环审〔2023〕12号',
        baselineDate: '2023-03-31',
        targetDate: '2023-03-31',
        effectiveDate: '2023-02-17',
        committedWorkingDays: 15,
      },
      internal: { actor: 'admin-1', actorRole: 'admin', ownerEnterpriseId: OWNER, helpers: ['helper-li'] },
    });
    expect(events.map((e) => [e.payload.public.lateEntry, e.payload.public.recordedOn])).toEqual(
      events.map(() => [true, today()]),
    );
    expect(events.every((e) => e.aggregateId === code)).toBe(true);

    // The intake service follows: the approval counts from its day on; a marking takes a procedure out of both terms.
    await eventually(
      async () =>
        expect(await summaryOn('2023-02-17')).toEqual({
          ...before,
          completed: before.completed + 1,
          rate: expect.any(Number),
        }),
      30_000,
    );
    expect((await summaryOn('2023-02-16')).completed).toBe(before.completed);
    expect(
      (
        await lateFor('eeb').act(`${code}-FIRE_DESIGN`, 'mark-not-applicable', {
          reason: '不涉及消防设计审查',
          effectiveDate: '2023-02-17',
        })
      ).status,
    ).toBe(200);
    await eventually(
      async () => expect((await summaryOn('2023-02-17')).applicable).toBe(before.applicable - 1),
      30_000,
    );

    const audit = (await as('eeb').audit(eia)).body.items.filter((row) => row.outcome === 'APPLIED');
    expect(audit.map((row) => [row.action, row.fromStatus, row.toStatus, row.effectiveDate])).toEqual([
      ['open', null, 'PLANNED', '2023-01-06'],
      ['submit', 'PLANNED', 'SUBMITTED', '2023-01-17'],
      ['accept', 'SUBMITTED', 'ACCEPTED', '2023-01-18'],
      ['request-supplement', 'ACCEPTED', 'SUPPLEMENT_REQUESTED', '2023-01-30'],
      ['resubmit', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', '2023-02-01'],
      ['extend', 'ACCEPTED', 'ACCEPTED', '2023-02-02'],
      ['approve', 'ACCEPTED', 'APPROVED', '2023-02-17'],
    ]);
    expect(audit[3]).toMatchObject({
      supplementReason: 'MISSING_DOCUMENT',
      note: '缺少监测报告',
      actor: 'admin-1',
      actorRole: 'admin',
      lateEntry: { ...LATE, onBehalfOf: { role: 'department', department: 'EEB' } },
    });
    expect(audit[4]).toMatchObject({ lateEntry: { onBehalfOf: { role: 'helper', helper: 'helper-li' } } });
    expect(audit[6]).toMatchObject({ documentNumber: '玉环审〔2023〕12号' });

    // The owner enterprise sees only what the public contract carries: no actors, reasons, notes or late-entry evidence.
    const ownerView = (await as('owner').audit(eia)).body.items;
    expect(ownerView.map((row) => [row.action, row.toStatus, row.effectiveDate, row.lateEntry])).toEqual(
      audit.map((row) => [row.action, row.toStatus, row.effectiveDate, row.lateEntry !== null]),
    );
    expect(ownerView[3]).toEqual(expect.objectContaining({ supplementReason: 'MISSING_DOCUMENT' }));
    const ownerText = JSON.stringify([ownerView, (await as('owner').projectAudit(code)).body.items]);
    for (const internal of [
      '缺少监测报告',
      '需专家论证',
      '前期手续计划',
      'admin-1',
      'eeb-clerk',
      '纸质档案',
      '"actor',
      '"note',
      '"reason',
    ])
      expect(ownerText).not.toContain(internal);
  }, 120_000);

  it('replays an idempotent request: same body, one audit row, one event; another request under the key is 422', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    const key = randomUUID();
    const first = await as('helper').act(eia, 'submit', { note: '申请' }, { idempotencyKey: key });
    const again = await as('helper').act(eia, 'submit', { note: '申请' }, { idempotencyKey: key });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const different = await as('helper').act(eia, 'submit', { note: '另一份申请' }, { idempotencyKey: key });
    expect(different.status).toBe(422);
    expect(String(different.body.message)).toContain('Idempotency-Key');
    // Keys belong to their caller: the owner's same key is a new request (and illegal now: already submitted).
    expect((await as('owner').act(eia, 'submit', {}, { idempotencyKey: key })).status).toBe(409);
    expect(
      (await as('helper').act(eia, 'submit', {}, { idempotencyKey: 'bad key with spaces' })).body,
    ).toMatchObject({ statusCode: 400, fields: [{ field: 'Idempotency-Key' }] });
    // Nor does anybody who cannot see the procedure get its response back: another enterprise with the same subject, the same key and body.
    const twin = approvalClient(approval, { ...actors.owner, enterpriseId: 'ENT-OTHER' });
    const ownerKey = randomUUID();
    expect(
      (await as('owner').act(eia, 'withdraw', { reason: '重新编制' }, { idempotencyKey: ownerKey })).status,
    ).toBe(200);
    const stolen = await twin.act(eia, 'withdraw', { reason: '重新编制' }, { idempotencyKey: ownerKey });
    expect(stolen.status).toBe(404);
    expect(JSON.stringify(stolen.body)).not.toContain('WITHDRAWN');
    // The same key on another procedure is another request.
    expect(
      (await as('owner').act(`${code}-LAND_USE`, 'submit', {}, { idempotencyKey: ownerKey })).status,
    ).toBe(200);

    const applied = (await as('admin').audit(eia)).body.items.filter(
      (row) => row.action === 'submit' && row.outcome === 'APPLIED',
    );
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ idempotencyKey: key });
    await eventually(() =>
      expect(eventsOf(eia).map((e) => e.type)).toEqual([
        'ProcedureOpened',
        'ProcedureSubmitted',
        'ProcedureWithdrawn',
      ]),
    );
    expect(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM approval.outbox WHERE envelope->'payload'->'public'->>'procedureId' = $1`,
          [eia],
        )
      ).rows[0].n,
    ).toBe(3);
  }, 60_000);

  it('lets exactly one of two conflicting actions win, and names the allowed actions to the loser', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    await as('helper').act(eia, 'submit', {});
    await as('eeb').act(eia, 'accept', {});
    const [approve, refuse] = await Promise.all([
      as('eeb').act(eia, 'approve', { documentNumber: '玉环审〔2023〕20号' }),
      as('eeb').act(eia, 'refuse', { reason: '不符合规划' }),
    ]);
    expect([approve.status, refuse.status].sort()).toEqual([200, 409]);
    const loser = approve.status === 409 ? approve : refuse;
    expect(loser.body).toMatchObject({ code: 'NOT_ALLOWED_FROM_STATUS' });
    expect(loser.body.allowed).toEqual(approve.status === 200 ? [] : ['submit']);
    await eventually(() =>
      expect(
        eventsOf(eia).filter((e) => ['ProcedureApproved', 'ProcedureRefused'].includes(e.type)),
      ).toHaveLength(1),
    );
    expect(
      (await db.query(`SELECT sequence FROM approval.procedures WHERE procedure_id = $1`, [eia])).rows[0]
        .sequence,
    ).toBe(4);
  }, 60_000);

  it('refuses stale reads, illegal actions, unknown procedures and bad input, changing nothing', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    const read = await as('eeb').get(eia);
    expect(read.headers.get('etag')).toBe('"1"');
    expect((await as('helper').act(eia, 'submit', {}, { ifMatch: '"7"' })).status).toBe(412);
    expect((await as('helper').act(eia, 'submit', { expectedSequence: 7 })).status).toBe(409);
    const illegal = await as('eeb').act(eia, 'approve', { documentNumber: 'X' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.allowed).toEqual(['submit', 'mark-not-applicable', 'mark-already-held']);
    expect((await as('eeb').act(`${code}-PARKING`, 'accept', {})).status).toBe(404);
    expect((await as('eeb').act('not-an-id', 'accept', {})).status).toBe(400);

    const missing = await as('eeb').act(eia, 'mark-already-held', { reason: '已取得' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([expect.objectContaining({ field: 'documentNumber' })]);
    const future = await as('helper').act(eia, 'submit', { effectiveDate: addDays(today() as LocalDate, 1) });
    expect(future.body).toMatchObject({
      statusCode: 400,
      code: 'FUTURE_DATE',
      fields: [{ field: 'effectiveDate' }],
    });
    const tooEarly = await as('helper').act(eia, 'submit', { effectiveDate: '2023-01-05' });
    expect(tooEarly.body).toMatchObject({
      statusCode: 400,
      code: 'DATE_BEFORE_HISTORY',
      fields: [{ field: 'effectiveDate' }],
    });
    await as('helper').act(eia, 'submit', {});
    await as('eeb').act(eia, 'accept', {});
    const tooLong = await as('eeb').act(eia, 'extend', { days: 11, reason: '复杂' });
    expect(tooLong.body).toMatchObject({ statusCode: 400, fields: [{ field: 'days' }] });
    expect(
      (await as('eeb').act(eia, 'request-supplement', { supplementReason: 'BECAUSE' })).body,
    ).toMatchObject({ statusCode: 400, fields: [{ field: 'supplementReason' }] });
    expect((await as('eeb').act(eia, 'extend', { days: 2, reason: '复杂' })).status).toBe(200);
    const twice = await as('eeb').act(eia, 'extend', { days: 2, reason: '再延' });
    expect(twice.body).toMatchObject({
      statusCode: 409,
      code: 'EXTENSION_ALREADY_USED',
      allowed: ['request-supplement', 'approve', 'refuse', 'withdraw', 'begin-excluded-period'],
    });
    expect((await as('eeb').get(eia)).body).toMatchObject({
      status: 'ACCEPTED',
      sequence: 4,
      extensionWorkingDays: 2,
    });
  }, 60_000);

  it("lets a department date an action only a short grace back; older history is an admin's late entry, marked as such", async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    await lateFor('owner').act(eia, 'submit', { effectiveDate: '2023-01-17' });
    await lateFor('eeb').act(eia, 'accept', { effectiveDate: '2023-01-18' });
    // The security test: the department approves a long-overdue procedure "as of" ten months ago.
    const backDated = await as('eeb').act(eia, 'approve', {
      effectiveDate: '2023-02-10',
      documentNumber: '玉环审〔2023〕12号',
    });
    expect(backDated.body).toMatchObject({
      statusCode: 400,
      code: 'BACKDATE_BEYOND_GRACE',
      fields: [{ field: 'effectiveDate' }],
    });
    expect(String(backDated.body.message)).toContain('lateEntry');
    const selfLate = await as('eeb').act(eia, 'approve', {
      effectiveDate: '2023-02-10',
      documentNumber: '玉环审〔2023〕12号',
      lateEntry: { reason: '补录' },
    });
    expect(selfLate.body).toMatchObject({ statusCode: 403, code: 'LATE_ENTRY_ADMIN_ONLY' });
    expect(
      (await as('owner').act(eia, 'withdraw', { effectiveDate: '2023-02-10', reason: 'x' })).body,
    ).toMatchObject({ statusCode: 400, code: 'BACKDATE_BEYOND_GRACE' });
    expect(
      (await as('admin').act(eia, 'approve', { documentNumber: 'X', lateEntry: { reason: '补录' } })).body,
    ).toMatchObject({ statusCode: 400, fields: [{ field: 'effectiveDate' }] });
    expect(
      (
        await as('admin').act(eia, 'approve', {
          effectiveDate: '2023-02-10',
          documentNumber: 'X',
          lateEntry: {},
        })
      ).body,
    ).toMatchObject({ statusCode: 400, fields: [{ field: 'lateEntry.reason' }] });
    expect((await as('eeb').get(eia)).body).toMatchObject({ status: 'ACCEPTED', sequence: 3 });

    const recorded = await as('admin').act(eia, 'approve', {
      effectiveDate: '2023-02-10',
      documentNumber: '玉环审〔2023〕12号',
      lateEntry: LATE,
    });
    expect(recorded.body).toMatchObject({ status: 'APPROVED', completedOn: '2023-02-10' });
    const trail = (await as('admin').audit(eia)).body.items;
    expect(
      trail.filter((row) => row.outcome === 'DENIED').map((row) => [row.actor, row.refusalCode]),
    ).toEqual([['eeb-clerk', 'LATE_ENTRY_ADMIN_ONLY']]);
    expect(trail.at(-1)).toMatchObject({
      action: 'approve',
      outcome: 'APPLIED',
      actor: 'admin-1',
      effectiveDate: '2023-02-10',
      lateEntry: { ...LATE, onBehalfOf: { role: 'department', department: 'EEB' } },
    });
    const approved = await eventually(() => {
      const event = eventsOf(eia).find((e) => e.type === 'ProcedureApproved');
      expect(event).toBeDefined();
      return event!;
    });
    expect(approved.payload.public).toMatchObject({
      completedOn: '2023-02-10',
      effectiveDate: '2023-02-10',
      lateEntry: true,
      recordedOn: today(),
    });

    // Within the grace (2 working days by default) a party still dates its own action, unmarked; a day earlier is refused.
    const calendar = createChineseWorkingDayCalendar();
    let edge = today() as LocalDate;
    while (calendar.workingDaysBetween(addDays(edge, -1), today() as LocalDate) <= 2)
      edge = addDays(edge, -1);
    const land = `${code}-LAND_USE`;
    expect((await as('owner').act(land, 'submit', { effectiveDate: addDays(edge, -1) })).body).toMatchObject({
      statusCode: 400,
      code: 'BACKDATE_BEYOND_GRACE',
    });
    expect((await as('owner').act(land, 'submit', { effectiveDate: edge })).status).toBe(200);
    const submitted = await eventually(() => {
      const event = eventsOf(land).find((e) => e.type === 'ProcedureSubmitted');
      expect(event).toBeDefined();
      return event!;
    });
    expect(submitted.payload.public).toMatchObject({ effectiveDate: edge, recordedOn: today() });
    expect(submitted.payload.public.lateEntry).toBeUndefined();
  }, 60_000);

  it('treats an action on a procedure the caller cannot see as absent: 404, nothing in its trail, a line in the security log', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    const before = (await as('admin').audit(eia)).body.items.length;
    const note = '外部人员'.repeat(250);
    for (const outsider of ['nrb', 'otherEnterprise', 'strangerHelper'] as const) {
      const response = await as(outsider).act(eia, 'withdraw', { reason: '恶意撤回', note });
      expect({ outsider, status: response.status, code: response.body.code }).toEqual({
        outsider,
        status: 404,
        code: 'PROCEDURE_NOT_FOUND',
      });
    }
    expect((await as('otherEnterprise').act(`${code}-NOPE`, 'submit', {})).status).toBe(404);
    expect((await as('admin').audit(eia)).body.items).toHaveLength(before);
    const logged = await db.query(
      `SELECT event, action, actor, actor_role, actor_department, actor_enterprise_id FROM approval.security_log WHERE procedure_id = $1 ORDER BY id`,
      [eia],
    );
    expect(logged.rows).toEqual([
      {
        event: 'ACTION_ON_HIDDEN_PROCEDURE',
        action: 'withdraw',
        actor: 'nrb-clerk',
        actor_role: 'department',
        actor_department: 'NRB',
        actor_enterprise_id: null,
      },
      {
        event: 'ACTION_ON_HIDDEN_PROCEDURE',
        action: 'withdraw',
        actor: 'other-user',
        actor_role: 'enterprise',
        actor_department: null,
        actor_enterprise_id: 'ENT-OTHER',
      },
      {
        event: 'ACTION_ON_HIDDEN_PROCEDURE',
        action: 'withdraw',
        actor: 'helper-zhang',
        actor_role: 'helper',
        actor_department: null,
        actor_enterprise_id: null,
      },
    ]);
    expect(
      JSON.stringify(
        (await db.query(`SELECT * FROM approval.security_log WHERE procedure_id = $1`, [eia])).rows,
      ),
    ).not.toContain('外部人员');
  }, 60_000);

  it('shows each caller only what it may see, with the clock derived as of a day', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    await lateFor('owner').act(eia, 'submit', { effectiveDate: '2023-09-22' });
    await lateFor('eeb').act(eia, 'accept', { effectiveDate: '2023-09-25' });
    // 15 working days from Mon 25 Sep across National Day: 26–28 Sep, 7–13 Oct, 16–20 Oct.
    const onDay = await as('eeb').get(eia, '?asOf=2023-10-18');
    expect(onDay.body).toMatchObject({
      dueDate: '2023-10-20',
      asOf: '2023-10-18',
      remainingWorkingDays: 2,
      deadlineStatus: 'DUE_SOON',
      targetStatus: 'MISSED',
    });
    expect((await as('eeb').get(eia, '?asOf=2023-10-23')).body).toMatchObject({
      remainingWorkingDays: -1,
      deadlineStatus: 'OVERDUE',
    });

    const eebList = await as('eeb').list(`?project=${code}`);
    expect(eebList.body.items.map((p) => p.procedure)).toEqual(['EIA']);
    expect((await as('eeb').list(`?project=${code}&dueBefore=2023-10-20`)).body.total).toBe(1);
    expect((await as('eeb').list(`?project=${code}&dueBefore=2023-10-19`)).body.total).toBe(0);
    expect(
      (await as('nrb').list(`?project=${code}&status=PLANNED`)).body.items.map((p) => p.procedure),
    ).toEqual(['LAND_PREEXAM', 'LAND_USE', 'LAND_PLANNING', 'ENGINEERING_PLANNING']);
    expect((await as('nrb').get(eia)).status).toBe(404);
    expect((await as('owner').ofProject(code)).body.items).toHaveLength(11);
    expect(
      (await as('helper').list(`?project=${code}&status=ACCEPTED,SUBMITTED`)).body.items.map(
        (p) => p.procedureId,
      ),
    ).toEqual([eia]);
    expect((await as('otherEnterprise').ofProject(code)).status).toBe(404);
    expect((await as('strangerHelper').get(eia)).status).toBe(404);
    expect((await as('otherEnterprise').projectAudit(code)).status).toBe(404);
    expect((await as('dispatch').projectAudit(code)).body.items.length).toBeGreaterThanOrEqual(13);
    const secondPage = await as('admin').list(`?project=${code}&pageSize=4&page=2`);
    expect(secondPage.body).toMatchObject({ total: 11, page: 2, pageSize: 4 });
    expect(secondPage.body.items.map((p) => p.procedure)).toEqual([
      'ENGINEERING_PLANNING',
      'ENERGY_QUOTA',
      'EIA',
      'SAFETY',
    ]);
    const auditPage = await as('dispatch').request<{ items: unknown[]; total: number }>(
      'GET',
      `/projects/${code}/audit?pageSize=2&page=3`,
    );
    expect(auditPage.body.items).toHaveLength(2);
    expect(auditPage.body.total).toBeGreaterThanOrEqual(13);
    for (const list of [
      '/procedures',
      `/projects/${code}/procedures`,
      `/procedures/${eia}/audit`,
      '/calendar/versions',
    ])
      expect((await as('admin').request('GET', `${list}?pageSize=201`)).body).toMatchObject({
        statusCode: 400,
        fields: [{ field: 'pageSize', rules: ['pageSize must be at most 200'] }],
      });
    expect((await as('eeb').list('?status=NOPE')).body).toMatchObject({
      statusCode: 400,
      fields: [{ field: 'status' }],
    });
    const noToken = await fetch(`${(await import('@banjie/testing')).baseUrl(approval)}/procedures`);
    expect(noToken.status).toBe(401);
  }, 60_000);

  it('applies a plan version once: redelivery and stale versions change nothing, a moved target is replanned', async () => {
    const code = await plannedProject();
    const [planEvent] = (
      await db.query(
        `SELECT envelope FROM intake.outbox WHERE message_key = $1 AND envelope->>'type' = 'ProcedurePlanChanged'`,
        [code],
      )
    ).rows;
    const producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    await producer.send({
      topic: Topics.INTAKE_PROCEDURE_PLAN,
      messages: [{ key: code, value: JSON.stringify(planEvent.envelope) }],
    });
    // The same plan version under a new event id (a re-publication): stale, ignored.
    await producer.send({
      topic: Topics.INTAKE_PROCEDURE_PLAN,
      messages: [{ key: code, value: JSON.stringify({ ...planEvent.envelope, eventId: randomUUID() }) }],
    });
    await producer.disconnect();

    const moved = planItems('2023-03-31', {
      EIA: { procedure: 'EIA', applicability: 'REQUIRED', targetDate: '2023-04-30' },
      SAFETY: { procedure: 'SAFETY', applicability: 'ALREADY_HELD', documentNumber: '酒安评〔2020〕3号' },
      SOIL_WATER: { procedure: 'SOIL_WATER', applicability: 'REQUIRED', targetDate: '2023-05-31' },
    });
    expect(
      (
        await intakeAdmin()('PUT', `/projects/${code}/plan`, {
          items: moved,
          effectiveDate: '2023-02-01',
          reason: '环评延后',
        })
      ).status,
    ).toBe(200);
    await eventually(
      () =>
        expect(
          recorder.received.filter((e) => e.aggregateId === code && e.type === 'ProcedureReplanned'),
        ).toHaveLength(2),
      30_000,
    );
    const replanned = recorder.received.filter(
      (e) => e.aggregateId === code && e.type === 'ProcedureReplanned',
    );
    expect(replanned.find((e) => e.payload.public.procedure === 'EIA')?.payload.public).toMatchObject({
      sequence: 2,
      baselineDate: '2023-03-31',
      targetDate: '2023-04-30',
      effectiveDate: '2023-02-01',
    });
    expect(replanned.find((e) => e.payload.public.procedure === 'SOIL_WATER')?.payload.public).toMatchObject({
      status: 'PLANNED',
      committedWorkingDays: 15,
      targetDate: '2023-05-31',
    });
    expect(
      recorder.received.filter((e) => e.aggregateId === code && e.type === 'ProcedureOpened'),
    ).toHaveLength(11);
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM approval.processed_events WHERE event_id = $1`, [
          planEvent.envelope.eventId,
        ])
      ).rows[0].n,
    ).toBe(1);
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM approval.procedures WHERE project_code = $1`, [code]))
        .rows[0].n,
    ).toBe(11);
    expect(
      (await db.query(`SELECT plan_version FROM approval.projects WHERE code = $1`, [code])).rows[0]
        .plan_version,
    ).toBe(2);
  }, 60_000);

  it('keeps the helper logins current from intake project updates', async () => {
    const code = await plannedProject();
    const eia = `${code}-EIA`;
    const updated = await intakeAdmin()('PATCH', `/projects/${code}`, {
      helpers: [{ name: '张华', userId: 'helper-zhang' }],
      reason: '帮办员调整',
      expectedVersion: 1,
    });
    expect(updated.status).toBe(200);
    await eventually(async () => expect((await as('strangerHelper').get(eia)).status).toBe(200), 30_000);
    expect((await as('helper').act(eia, 'submit', {})).status).toBe(404);
    expect((await as('strangerHelper').act(eia, 'submit', {})).status).toBe(200);
  }, 60_000);

  it('keeps local calendar adjustments in an override table that only admins change', async () => {
    expect(
      (await as('eeb').request('PUT', '/calendar/overrides/2023-04-03', { kind: 'REST', note: 'x' })).status,
    ).toBe(403);
    // Past 2099 no calendar counts; provisional years (2031) take overrides like any other.
    expect(
      (await as('admin').request('PUT', '/calendar/overrides/2100-04-05', { kind: 'REST', note: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (await as('admin').request('PUT', '/calendar/overrides/2031-04-03', { kind: 'REST', note: '地方假日' }))
        .status,
    ).toBe(200);
    expect((await as('admin').request('DELETE', '/calendar/overrides/2031-04-03')).status).toBe(204);
    expect(
      (
        await as('admin').request('PUT', '/calendar/overrides/2023-04-03', {
          kind: 'REST',
          note: '玉门市地方调休',
        })
      ).status,
    ).toBe(200);
    const calendar = await as('eeb').request<{
      overrides: unknown[];
      knownYears: { firstYear: number };
      version: number;
    }>('GET', '/calendar');
    expect(calendar.body).toMatchObject({
      knownYears: { firstYear: 2004 },
      overrides: [{ date: '2023-04-03', kind: 'REST', note: '玉门市地方调休' }],
    });
    expect((await as('admin').request('DELETE', '/calendar/overrides/2023-04-03')).status).toBe(204);
    expect((await as('admin').request('DELETE', '/calendar/overrides/2023-04-03')).status).toBe(404);
  });
});
