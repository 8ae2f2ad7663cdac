import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client as PgClient } from 'pg';
import { PROCEDURE_CODES, Topics } from '@banjie/contracts';
import {
  eventually,
  intakeClient,
  recordEvents,
  sampleRegistration,
  type EventRecorder,
} from '@banjie/testing';
import { startIsolatedIntake } from '../test/intake-api';

describe('intake service on real PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let db: PgClient;
  let recorder: EventRecorder<{ type: string; aggregateId: string; payload: Record<string, unknown> }>;

  beforeAll(async () => {
    const started = await startIsolatedIntake();
    app = started.app;
    const databaseUrl = started.databaseUrl;
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    recorder = await recordEvents([Topics.INTAKE_PROJECT, Topics.INTAKE_PROCEDURE_PLAN]);
  }, 120_000);

  // Closing waits for the Kafka consumer's open fetch (up to its 5 s max wait).
  afterAll(async () => {
    await Promise.allSettled([recorder?.stop(), app?.close(), db?.end()]);
  }, 30_000);

  const admin = () => intakeClient(app, { sub: 'admin-1', role: 'admin' });

  async function register(overrides: Record<string, unknown> = {}) {
    const response = await admin()<{ code: string; version: number }>('POST', '/projects', {
      ...sampleRegistration,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('gives each project a lifelong code and keeps the investment exact', async () => {
    const first = await register({ name: '甲项目', totalInvestment: '26.35' });
    const second = await register({ name: '乙项目' });
    expect(second.code).not.toBe(first.code);
    const read = await admin()('GET', `/projects/${first.code}`);
    expect(read.body).toMatchObject({
      code: first.code,
      totalInvestment: '26.35',
      state: 'SIGNED',
      listedOn: '2023-01-05',
    });
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('refuses bad input with field-level 400s and changes nothing', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM intake.projects')).rows[0].n;
    const bad = await admin()<{ message: string[]; fields: { field: string }[] }>('POST', '/projects', {
      ...sampleRegistration,
      totalInvestment: 1.5,
      plannedStart: '2023-02-30',
      cluster: 'SPACE',
      surprise: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field).sort()).toEqual([
      'cluster',
      'plannedStart',
      'surprise',
      'totalInvestment',
    ]);
    const { ownerEnterprise: _, ...withoutOwner } = sampleRegistration;
    const noOwner = await admin()<{ fields: { field: string }[] }>('POST', '/projects', withoutOwner);
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.fields.map((f) => f.field)).toEqual(['ownerEnterprise']);
    expect((await admin()('POST', '/projects', '{"name": ')).status).toBe(400);
    expect((await admin()('GET', '/projects/not-a-code')).status).toBe(400);
    expect((await admin()('GET', '/projects/BJ-2023-9999')).status).toBe(404);
    expect((await db.query('SELECT count(*)::int AS n FROM intake.projects')).rows[0].n).toBe(before);
  });

  it('refuses text that is not plain, a lone surrogate and deep nesting by name (400, nothing stored), and lets Chinese text through', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM intake.projects')).rows[0].n;
    const refused: [body: unknown, field: string, rule: string][] = [
      [
        { ...sampleRegistration, name: '玉门\u202Egnp.exe' },
        'name',
        'bidirectional control character: U+202E at position 2',
      ],
      [
        { ...sampleRegistration, helpers: [{ name: '赵\u200B敏' }] },
        'helpers.0.name',
        'invisible formatting character: U+200B',
      ],
      [
        { ...sampleRegistration, leadingOfficial: '刘副市长\u0007' },
        'leadingOfficial',
        'control character: U+0007',
      ],
      [{ ...sampleRegistration, location: '\u001B[2J花海镇' }, 'location', 'control character: U+001B'],
      [
        { ...sampleRegistration, chain: '新能源\n化工' },
        'chain',
        'line break or tab (the field is one line): U+000A',
      ],
      [JSON.stringify({ ...sampleRegistration, name: '玉门\uD800' }), 'name', 'lone UTF-16 surrogate'],
      [
        `{"name":"x","helpers":${'['.repeat(5_000)}1${']'.repeat(5_000)}}`,
        `helpers${'.0'.repeat(31)}`,
        'nests deeper than 32 levels',
      ],
    ];
    for (const [body, field, rule] of refused) {
      const response = await admin()<{ message: string[]; fields: { field: string; rules: string[] }[] }>(
        'POST',
        '/projects',
        body,
      );
      expect(response.status).toBe(400);
      expect(response.body.fields).toContainEqual({ field, rules: [expect.stringContaining(rule)] });
    }
    const query = await admin()<{ fields: { field: string }[] }>(
      'GET',
      `/projects?q=${encodeURIComponent('玉\u2066门')}`,
    );
    expect(query.status).toBe(400);
    expect(query.body.fields.map((f) => f.field)).toEqual(['query.q']);
    expect((await db.query('SELECT count(*)::int AS n FROM intake.projects')).rows[0].n).toBe(before);
    const chinese = await register({
      name: '玉门〔2023〕“光伏＋储能”项目，一期。',
      location: '玉门市\u3000花海镇',
    });
    const reasons = await admin()('PATCH', `/projects/${chinese.code}`, {
      totalInvestment: '1',
      reason: '投资额调整：\n\t一期缩减。',
      expectedVersion: 1,
    });
    expect(reasons.status).toBe(200);
  });

  it('lets only admin and dispatch change the list, and an enterprise read only its own projects', async () => {
    const project = await register({ name: '丙项目' });
    const department = intakeClient(app, { sub: 'nrb-1', role: 'department', department: 'NRB' });
    expect((await department('POST', '/projects', sampleRegistration)).status).toBe(403);
    expect((await department('GET', `/projects/${project.code}`)).status).toBe(200);
    const owner = intakeClient(app, { sub: 'e-1', role: 'enterprise', enterpriseId: 'ENT-SHAANXI-COAL' });
    const stranger = intakeClient(app, { sub: 'e-2', role: 'enterprise', enterpriseId: 'ENT-OTHER' });
    expect((await owner('GET', `/projects/${project.code}`)).status).toBe(200);
    expect((await stranger('GET', `/projects/${project.code}`)).status).toBe(404);
    expect((await stranger<{ total: number }>('GET', '/projects')).body.total).toBe(0);
    const noToken = await fetch(`${(await import('@banjie/testing')).baseUrl(app)}/projects`);
    expect(noToken.status).toBe(401);
  });

  it('refuses a stale update (409 in the body, 412 with If-Match) and records who changed what and why', async () => {
    const project = await register({ name: '丁项目' });
    const ok = await admin()<{ version: number; totalInvestment: string }>(
      'PATCH',
      `/projects/${project.code}`,
      { totalInvestment: '30.5', reason: '投资额调整', expectedVersion: 1 },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, totalInvestment: '30.5' });
    expect(
      (
        await admin()('PATCH', `/projects/${project.code}`, {
          location: '花海镇',
          reason: 'x',
          expectedVersion: 1,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await admin()(
          'PATCH',
          `/projects/${project.code}`,
          { location: '花海镇', reason: 'x' },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(412);
    const history = await admin()<{
      items: { kind: string; actor: string; reason: string | null; changes: Record<string, unknown> }[];
      total: number;
    }>('GET', `/projects/${project.code}/history`);
    expect(history.body.items.map((h) => h.kind)).toEqual(['REGISTERED', 'UPDATED']);
    expect(history.body.total).toBe(2);
    expect(history.body.items[1]).toMatchObject({
      actor: 'admin:admin-1',
      reason: '投资额调整',
      changes: { totalInvestment: { from: '263.0000', to: '30.5' } },
    });
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const project = await register({ name: '戊项目' });
    const results = await Promise.all(
      ['玉门东镇', '昌马乡'].map((location) =>
        admin()('PATCH', `/projects/${project.code}`, { location, reason: '选址调整', expectedVersion: 1 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      (await db.query('SELECT version FROM intake.projects WHERE code = $1', [project.code])).rows[0].version,
    ).toBe(2);
  });

  it('moves projects through the lifecycle and names the allowed moves when refusing one', async () => {
    const project = await register({ name: '己项目' });
    const illegal = await admin()<{ allowed: string[]; message: string }>(
      'POST',
      `/projects/${project.code}/transitions`,
      { to: 'STARTED' },
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body.allowed).toEqual(expect.arrayContaining(['PREPARING']));
    expect(illegal.body.allowed).not.toContain('STARTED');
    expect(
      (
        await admin()('POST', `/projects/${project.code}/transitions`, {
          to: 'PREPARING',
          effectiveDate: '2023-01-10',
          reason: '前期手续启动',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin()('POST', `/projects/${project.code}/transitions`, {
          to: 'RESUMED',
          effectiveDate: '2023-03-01',
        })
      ).status,
    ).toBe(409);
    const started = await admin()<{ state: string }>('POST', `/projects/${project.code}/transitions`, {
      to: 'STARTED',
      effectiveDate: '2023-03-01',
      reason: '集中开工',
    });
    expect(started.body.state).toBe('STARTED');
    await eventually(() => {
      const events = recorder.received.filter((e) => e.aggregateId === project.code).map((e) => e.type);
      expect(events).toEqual(['ProjectRegistered', 'ProjectLifecycleChanged', 'ProjectLifecycleChanged']);
    });
  });

  it('versions procedure plans, validates them per field, and publishes each version', async () => {
    const project = await register({ name: '庚项目' });
    const items = PROCEDURE_CODES.map((procedure) => ({
      procedure,
      applicability: 'REQUIRED',
      targetDate: '2023-03-31',
    }));
    const bad = await admin()<{ fields: { field: string }[] }>('PUT', `/projects/${project.code}/plan`, {
      items: items.map((i, n) => (n === 2 ? { ...i, applicability: 'ALREADY_HELD' } : i)),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toEqual(['items[2].documentNumber', 'items[2].targetDate']);
    expect(
      (await admin()('PUT', `/projects/${project.code}/plan`, { items, effectiveDate: '2023-01-06' })).status,
    ).toBe(200);
    const moved = items.map((i) => (i.procedure === 'EIA' ? { ...i, targetDate: '2023-04-30' } : i));
    const second = await admin()<{
      planVersion: number;
      items: { procedure: string; baselineDate: string; targetDate: string }[];
    }>('PUT', `/projects/${project.code}/plan`, {
      items: moved,
      effectiveDate: '2023-02-01',
      reason: '环评延后',
    });
    expect(second.body.planVersion).toBe(2);
    expect(second.body.items.find((i) => i.procedure === 'EIA')).toMatchObject({
      baselineDate: '2023-03-31',
      targetDate: '2023-04-30',
    });
    await eventually(() => {
      const plans = recorder.received.filter(
        (e) => e.type === 'ProcedurePlanChanged' && e.aggregateId === project.code,
      );
      expect(plans.map((e) => (e.payload.public as { planVersion: number }).planVersion)).toEqual([1, 2]);
    });
  });

  it('pages every list of a project in SQL, and refuses a page size over the ceiling by name', async () => {
    const project = await register({ name: '庚项目' });
    for (const location of ['一号地块', '二号地块', '三号地块'])
      await admin()('PATCH', `/projects/${project.code}`, {
        location,
        reason: '选址调整',
        expectedVersion: (await admin()<{ version: number }>('GET', `/projects/${project.code}`)).body
          .version,
      });
    const second = await admin()<{
      items: { version: number }[];
      total: number;
      page: number;
      pageSize: number;
    }>('GET', `/projects/${project.code}/history?page=2&pageSize=3`);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ version: 4 })],
      total: 4,
      page: 2,
      pageSize: 3,
    });
    for (const list of [
      '/projects',
      `/projects/${project.code}/history`,
      `/projects/${project.code}/transitions`,
    ]) {
      const tooBig = await admin()<{ fields: { field: string; rules: string[] }[] }>(
        'GET',
        `${list}?pageSize=201`,
      );
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.fields).toEqual([{ field: 'pageSize', rules: ['pageSize must be at most 200'] }]);
    }
    expect((await admin()('GET', `/projects/${project.code}/plan/versions?pageSize=2`)).body).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 2,
    });
  });
});
