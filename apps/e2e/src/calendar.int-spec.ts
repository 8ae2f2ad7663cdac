import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDays,
  calendarHorizonWarning,
  packageYears,
  parseLocalDate,
  procedureClock,
  shanghaiLocalDate,
  workingDayCalendarOf,
  type CalendarDefinition,
  type WorkingDayCalendar,
} from '@banjie/domain';
import {
  approvalClient,
  deadlineClient,
  eventually,
  intakeClient,
  planItems,
  runCommand,
  sampleRegistration,
  startTestStack,
  tokenFor,
  type TestStack,
} from '@banjie/testing';

interface Reading {
  dueDate: string | null;
  provisional: boolean;
  calendarVersion: number;
  flag: string;
}

const FLAG_OF_STATUS: Record<string, string> = { IN_TIME: 'BLUE', DUE_SOON: 'YELLOW', OVERDUE: 'RED' };

/** A 2027 arrangement as the State Council might publish it (the test's own; the real notice is not out yet). */
const PUBLISHED_2027 = {
  reference: '国办发明电〔2026〕99号（测试）',
  holidays: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-02-13',
  ].map((date) => ({
    date,
    name: date === '2027-01-01' ? '元旦' : '春节',
  })),
  workingDays: ['2027-02-20'],
  reason: '国务院办公厅通知发布',
};

/**
 * One calendar in every service, through real PostgreSQL, Kafka and Temporal: the approval
 * service owns it and publishes each version on `calendar.v1`; a local override and a published
 * year change the due date and the flag identically in the approval service, on the public board
 * and in the running deadline workflow.
 */
describe('the published working-day calendar, end to end', () => {
  let stack: TestStack;
  let intake: string;
  let approval: string;
  let notice: string;
  let deadline: string;

  beforeAll(async () => {
    stack = await startTestStack(
      'calendar',
      ['intake-service', 'approval-service', 'notice-service', 'deadline-service'],
      { serviceEnv: { 'notice-service': { NOTICE_RATE_LIMIT: '100000' } } },
    );
    [intake, approval, notice, deadline] = [
      stack.urlOf('intake-service'),
      stack.urlOf('approval-service'),
      stack.urlOf('notice-service'),
      stack.urlOf('deadline-service'),
    ];
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const admin = () => approvalClient(approval, { sub: 'calendar-admin', role: 'admin' });

  /** The procedure as each of the three services sees it now. */
  async function readings(
    procedureId: string,
    projectCode: string,
  ): Promise<{ approval: Reading; board: Reading; clock: Reading }> {
    const procedure = (await approvalClient(approval, { sub: 'sup', role: 'supervisor' }).get(procedureId))
      .body;
    const response = await fetch(`${notice}/api/projects/${projectCode}`);
    expect(response.status).toBe(200);
    const { card } = (await response.json()) as { card: { procedures: Record<string, unknown>[] } };
    const onBoard = card.procedures.find((p) => p.procedure === 'EIA')!;
    const clock = (
      await deadlineClient(deadline, { sub: 'sup', role: 'supervisor' })('GET', `/clocks/${procedureId}`)
    ).body;
    return {
      approval: {
        dueDate: procedure.dueDate,
        provisional: procedure.dueDateProvisional as boolean,
        calendarVersion: procedure.calendarVersion as number,
        flag: FLAG_OF_STATUS[procedure.deadlineStatus] ?? procedure.deadlineStatus,
      },
      board: {
        dueDate: onBoard.dueDate as string | null,
        provisional: onBoard.dueDateProvisional === true,
        calendarVersion: -1,
        flag: onBoard.flag as string,
      },
      clock: {
        dueDate: clock.dueDate as string | null,
        provisional: clock.provisional as boolean,
        calendarVersion: clock.calendarVersion as number,
        flag: FLAG_OF_STATUS[clock.state as string] ?? (clock.state as string),
      },
    };
  }

  /** Waits until all three services agree on the expected reading (the board carries no version per procedure). */
  async function expectAgreement(
    procedureId: string,
    projectCode: string,
    expected: Omit<Reading, 'calendarVersion'> & { calendarVersion: number },
  ) {
    await eventually(
      async () => {
        const seen = await readings(procedureId, projectCode);
        expect(seen.approval).toEqual(expected);
        expect(seen.clock).toEqual(expected);
        expect(seen.board).toEqual({ ...expected, calendarVersion: -1 });
      },
      60_000,
      500,
    );
  }

  it('moves a due date and its flag identically everywhere after a local override, then after a year is published', async () => {
    const today = shanghaiLocalDate(new Date());
    const version = (await admin().request<{ version: number }>('GET', '/calendar')).body.version;
    const definition: CalendarDefinition = { version, years: packageYears(), overrides: [] };
    const before = workingDayCalendarOf(definition);
    // Listed, planned and accepted on the working day before today, with 4 working days: on a working day 3 are left, DUE_SOON (yellow).
    let acceptedOn = addDays(parseLocalDate(today), -1);
    while (!before.isWorkingDay(acceptedOn)) acceptedOn = addDays(acceptedOn, -1);
    const intakeAdmin = intakeClient(intake, { sub: 'calendar-admin', role: 'admin' });
    const registered = await intakeAdmin('POST', '/projects', {
      ...sampleRegistration,
      listedOn: acceptedOn,
    });
    expect(registered.status).toBe(201);
    const code = registered.body.code as string;
    const items = planItems('2027-06-30', {
      EIA: { procedure: 'EIA', applicability: 'REQUIRED', targetDate: '2027-06-30', timeLimitWorkingDays: 4 },
    });
    expect(
      (
        await intakeAdmin('PUT', `/projects/${code}/plan`, {
          items,
          reason: '测试',
          effectiveDate: acceptedOn,
        })
      ).status,
    ).toBe(200);
    const procedureId = `${code}-EIA`;
    const enterprise = approvalClient(approval, {
      sub: 'enterprise:ENT-SHAANXI-COAL',
      role: 'enterprise',
      enterpriseId: 'ENT-SHAANXI-COAL',
    });
    await eventually(async () => expect((await enterprise.get(procedureId)).status).toBe(200), 30_000);
    expect(
      (
        await enterprise.act(
          procedureId,
          'submit',
          { effectiveDate: acceptedOn },
          { idempotencyKey: `submit-${code}` },
        )
      ).status,
    ).toBe(200);
    const department = approvalClient(approval, { sub: 'eeb-clerk', role: 'department', department: 'EEB' });
    expect(
      (
        await department.act(
          procedureId,
          'accept',
          { effectiveDate: acceptedOn },
          { idempotencyKey: `accept-${code}` },
        )
      ).status,
    ).toBe(200);

    const clockOf = () => procedureClock({ acceptedOn, committedWorkingDays: 4 });
    const expectedOn = (calendar: WorkingDayCalendar, version: number) => {
      const dueDate = clockOf().dueDate(calendar)!;
      const timeliness = clockOf().timeliness(parseLocalDate(today), 3, calendar)!;
      return {
        dueDate,
        provisional: calendar.provisionalBetween(acceptedOn, dueDate),
        calendarVersion: version,
        flag: FLAG_OF_STATUS[timeliness]!,
      };
    };
    const first = expectedOn(before, version);
    await expectAgreement(procedureId, code, first);

    // A local rest day from today on (e.g. a city's own holiday): the limit ends a working day later and,
    // today no longer counting, 4 working days are left — blue. Everywhere, from the one published version.
    let restDay = parseLocalDate(today);
    while (!before.isWorkingDay(restDay)) restDay = addDays(restDay, 1);
    const put = await admin().request<{ version: number }>('PUT', `/calendar/overrides/${restDay}`, {
      kind: 'REST',
      note: '地方假日（测试）',
    });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(version + 1);
    const after = workingDayCalendarOf({
      ...definition,
      version: version + 1,
      overrides: [{ date: restDay, kind: 'REST', note: '地方假日（测试）' }],
    });
    const second = expectedOn(after, version + 1);
    expect(second.dueDate > first.dueDate).toBe(true);
    if (restDay === today) expect([first.flag, second.flag]).toEqual(['YELLOW', 'BLUE']);
    await expectAgreement(procedureId, code, second);
    const dueBefore = first.dueDate;
    const dueAfter = second.dueDate;

    // The department was told of the move (old → new), once.
    const clock = (
      await deadlineClient(deadline, { sub: 'eeb-clerk', role: 'department', department: 'EEB' })(
        'GET',
        `/clocks/${procedureId}`,
      )
    ).body;
    expect(clock.dueDateChanges).toEqual([
      expect.objectContaining({
        calendarVersion: version + 1,
        previousDueDate: dueBefore,
        dueDate: dueAfter,
      }),
    ]);
    // Another department does not see the clock at all.
    expect(
      (
        await deadlineClient(deadline, { sub: 'nrb', role: 'department', department: 'NRB' })(
          'GET',
          `/clocks/${procedureId}`,
        )
      ).status,
    ).toBe(404);

    // Removing the override brings the first date back, everywhere.
    expect((await admin().request('DELETE', `/calendar/overrides/${restDay}`)).status).toBe(204);
    await expectAgreement(procedureId, code, { ...first, calendarVersion: version + 2 });

    // Before 2027 is published: from 1 November the owner's /health says so, and the admins were escalated to once.
    const horizon = calendarHorizonWarning(
      parseLocalDate(today),
      packageYears()[packageYears().length - 1]!.year,
    );
    const health = (await (await fetch(`${approval}/health`)).json()) as {
      status: string;
      warnings?: { reason: string }[];
    };
    expect(health.status).toBe(horizon === null ? 'ok' : 'degraded');
    if (horizon !== null) {
      expect(health.warnings).toEqual([{ component: 'calendar', reason: horizon.reason }]);
      const escalations = await deadlineClient(deadline, { sub: 'sup', role: 'supervisor' })<{
        items: { subject: string }[];
      }>('GET', '/escalations?rung=CALENDAR_NOT_PUBLISHED');
      expect(escalations.body.items.map((e) => e.subject)).toEqual([`calendar:${horizon.year}`]);
    }

    // Publishing 2027 with `npm run calendar -- publish <file>`: a new version everywhere; nothing counted across 2027 is provisional any more.
    const file = join(mkdtempSync(join(tmpdir(), 'calendar-')), '2027.json');
    writeFileSync(file, JSON.stringify({ year: 2027, ...PUBLISHED_2027 }));
    const cli = await runCommand('npm', [
      'run',
      '--silent',
      'calendar',
      '--',
      'publish',
      file,
      '--url',
      approval,
      '--token',
      tokenFor({ sub: 'calendar-admin', role: 'admin' }),
    ]);
    expect(cli).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(cli.stdout)).toMatchObject({
      year: 2027,
      source: 'PUBLISHED',
      provisional: false,
      calendarVersion: version + 3,
      reference: PUBLISHED_2027.reference,
    });
    const withYear = workingDayCalendarOf({
      version: version + 3,
      overrides: [],
      years: [
        ...packageYears(),
        {
          year: 2027,
          source: 'PUBLISHED',
          reference: PUBLISHED_2027.reference,
          holidays: PUBLISHED_2027.holidays as never,
          workingDays: PUBLISHED_2027.workingDays as never,
        },
      ],
    });
    await expectAgreement(procedureId, code, expectedOn(withYear, version + 3));
    const healthAfter = (await (await fetch(`${approval}/health`)).json()) as { status: string };
    expect(healthAfter.status).toBe(
      calendarHorizonWarning(parseLocalDate(today), 2027) === null ? 'ok' : 'degraded',
    );
    const year2028 = await admin().request('GET', '/calendar/years/2028');
    expect(year2028.body).toMatchObject({ year: 2028, source: 'PROVISIONAL', provisional: true });
    const versions = await admin().request<{
      items: { version: number; change: { kind: string }; changedBy: string }[];
    }>('GET', '/calendar/versions?pageSize=3');
    expect(versions.body.items.map((v) => [v.version, v.change.kind, v.changedBy])).toEqual([
      [version + 3, 'YEAR_PUBLISHED', 'admin:calendar-admin'],
      [version + 2, 'OVERRIDE_REMOVED', 'admin:calendar-admin'],
      [version + 1, 'OVERRIDE_SET', 'admin:calendar-admin'],
    ]);
  }, 240_000);

  it('refuses a bad publication by naming the field, the date and the rule, and changes nothing', async () => {
    const before = (await admin().request<{ version: number }>('GET', '/calendar')).body.version;
    const bad = await admin().request<{ message: string; fields: { field: string }[] }>(
      'PUT',
      '/calendar/years/2028',
      {
        reference: '测试',
        holidays: [
          { date: '2029-01-01', name: '元旦' },
          { date: '2028-10-02', name: '国庆节' },
        ],
        workingDays: ['2028-10-02', '2028-10-03'],
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toEqual([
      'holidays.0.date',
      'workingDays.0',
      'workingDays.0',
      'workingDays.1',
    ]);
    expect(bad.body.message).toContain('2029-01-01 lies outside 2028');
    // Years follow each other: 2030 cannot come before 2028 and 2029; 2100 is past every calendar.
    const year2030 = { reference: '测试', holidays: [{ date: '2030-01-01', name: '元旦' }], workingDays: [] };
    expect((await admin().request('PUT', '/calendar/years/2030', year2030)).body).toMatchObject({
      statusCode: 409,
      code: 'CALENDAR_YEAR_NOT_NEXT',
    });
    expect((await admin().request('PUT', '/calendar/years/2100', year2030)).body).toMatchObject({
      statusCode: 400,
      message: ['year must be from 2004 to 2099'],
    });
    const department = approvalClient(approval, { sub: 'eeb-clerk', role: 'department', department: 'EEB' });
    expect((await department.request('PUT', '/calendar/years/2028', PUBLISHED_2027)).status).toBe(403);
    expect((await admin().request<{ version: number }>('GET', '/calendar')).body.version).toBe(before);
  }, 60_000);
});
