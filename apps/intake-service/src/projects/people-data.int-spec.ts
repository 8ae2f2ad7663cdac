import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { PROCEDURE_CODES, publicProjectFields } from '@banjie/contracts';
import type { Actor } from '@banjie/platform';
import { intakeClient, sampleRegistration } from '@banjie/testing';
import { startIsolatedIntake } from '../test/intake-api';

/** Everything the intake service returns about a project, to one reader: list, record, history, moves, plan. */
async function everythingAbout(app: INestApplication, reader: Actor, code: string, name: string) {
  const call = intakeClient(app, reader);
  const paths = [
    `/projects?q=${encodeURIComponent(name)}`,
    `/projects/${code}`,
    `/projects/${code}/history`,
    `/projects/${code}/transitions`,
    `/projects/${code}/plan`,
    `/projects/${code}/plan/versions`,
  ];
  const responses = await Promise.all(paths.map((path) => call('GET', path)));
  expect(responses.map((response) => response.status)).toEqual(paths.map(() => 200));
  const [list, project, history, transitions, plan, versions] = responses.map(
    (response) => response.body as unknown,
  );
  return {
    list,
    project,
    history,
    transitions,
    plan,
    versions,
    text: JSON.stringify(responses.map((response) => response.body)),
  };
}

describe("intake: helpers' contacts and who changed what, only for those who need them", () => {
  let app: INestApplication;
  let code: string;
  const name = '人员信息测试项目';
  const helper = { name: '赵敏', phone: '13900000001', userId: 'helper-zhao' };
  const newPhone = '13900000002';
  // What only admin, dispatch and the project's own helpers may read.
  const peopleData = [
    helper.name,
    helper.phone,
    helper.userId,
    newPhone,
    sampleRegistration.leadingOfficial,
    sampleRegistration.ownerEnterprise.name,
    'admin:admin-1',
    '联系电话变更',
    '前期手续启动',
    '计划编制',
  ];

  beforeAll(async () => {
    ({ app } = await startIsolatedIntake());
    const admin = intakeClient(app, { sub: 'admin-1', role: 'admin' });
    const registered = await admin<{ code: string }>('POST', '/projects', {
      ...sampleRegistration,
      name,
      helpers: [helper],
    });
    expect(registered.status).toBe(201);
    code = registered.body.code;
    const changes = [
      await admin('PATCH', `/projects/${code}`, {
        helpers: [{ ...helper, phone: newPhone }],
        totalInvestment: '270',
        reason: '联系电话变更',
        expectedVersion: 1,
      }),
      await admin('POST', `/projects/${code}/transitions`, {
        to: 'PREPARING',
        effectiveDate: '2023-01-10',
        reason: '前期手续启动',
      }),
      await admin('PUT', `/projects/${code}/plan`, {
        items: PROCEDURE_CODES.map((procedure) => ({
          procedure,
          applicability: 'REQUIRED',
          targetDate: '2023-06-30',
        })),
        effectiveDate: '2023-01-10',
        reason: '计划编制',
      }),
    ];
    expect(changes.map((change) => change.status)).toEqual([200, 201, 200]);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it.each<[string, Actor]>([
    ['admin', { sub: 'admin-2', role: 'admin' }],
    ['dispatch', { sub: 'dispatch-1', role: 'dispatch' }],
    ["the project's own helper", { sub: helper.userId, role: 'helper' }],
  ])(
    "%s reads the helpers' phones and logins, the history's authors, reasons and contact changes",
    async (_, reader) => {
      const seen = await everythingAbout(app, reader, code, name);
      for (const secret of peopleData) expect(seen.text).toContain(secret);
      expect(seen.project).toMatchObject({
        helpers: [{ ...helper, phone: newPhone }],
        leadingOfficial: sampleRegistration.leadingOfficial,
      });
      expect((seen.list as { items: unknown[] }).items).toEqual([seen.project]);
    },
  );

  it.each<[string, Actor]>([
    ['a department', { sub: 'nrb-1', role: 'department', department: 'NRB' }],
    ['a supervisor', { sub: 'supervisor-1', role: 'supervisor' }],
    [
      'the owner enterprise',
      { sub: 'ent-1', role: 'enterprise', enterpriseId: sampleRegistration.ownerEnterprise.id },
    ],
    ["another project's helper", { sub: 'helper-other', role: 'helper' }],
  ])('%s reads only the public fields, everywhere the project or its history appears', async (_, reader) => {
    const seen = await everythingAbout(app, reader, code, name);
    for (const secret of peopleData) expect(seen.text).not.toContain(secret);
    expect(Object.keys(seen.project as object).sort()).toEqual(
      [...Object.keys(publicProjectFields.shape), 'registeredAt', 'updatedAt'].sort(),
    );
    expect((seen.list as { items: unknown[] }).items).toEqual([seen.project]);
    const history = (seen.history as { items: { kind: string; changes: Record<string, unknown> }[] }).items;
    expect(history.map((entry) => entry.kind)).toEqual([
      'REGISTERED',
      'UPDATED',
      'TRANSITIONED',
      'PLAN_CHANGED',
    ]);
    expect(history[0]!.changes).toMatchObject({ name, totalInvestment: sampleRegistration.totalInvestment });
    expect(history[0]!.changes).not.toHaveProperty('helpers');
    expect(history[1]!.changes).toEqual({ totalInvestment: { from: '263.0000', to: '270' } });
    expect(history[2]!.changes).toEqual({
      state: { from: 'SIGNED', to: 'PREPARING' },
      effectiveDate: '2023-01-10',
    });
    expect(seen.transitions).toEqual({
      items: [
        { from: 'SIGNED', to: 'PREPARING', effectiveDate: '2023-01-10', recordedAt: expect.any(String) },
      ],
      total: 1,
      page: 1,
      pageSize: 50,
    });
    expect(seen.plan).toMatchObject({ projectCode: code, planVersion: 1, effectiveDate: '2023-01-10' });
    expect(seen.plan).not.toHaveProperty('actor');
  });

  it('gives a helper the contacts of its own projects only, in the same list', async () => {
    const admin = intakeClient(app, { sub: 'admin-1', role: 'admin' });
    const other = await admin<{ code: string }>('POST', '/projects', {
      ...sampleRegistration,
      name: `${name}乙`,
      helpers: [{ name: '钱伟', phone: '13900000003', userId: 'helper-qian' }],
    });
    expect(other.status).toBe(201);
    const list = await intakeClient(app, { sub: helper.userId, role: 'helper' })<{
      items: Record<string, unknown>[];
    }>('GET', `/projects?q=${encodeURIComponent(name)}`);
    const byCode = new Map(list.body.items.map((item) => [item.code, item]));
    expect(byCode.get(code)).toHaveProperty('helpers');
    expect(byCode.get(other.body.code)).not.toHaveProperty('helpers');
    expect(JSON.stringify(list.body)).not.toContain('13900000003');
  });
});
