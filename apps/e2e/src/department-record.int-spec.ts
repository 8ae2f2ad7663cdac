import type { ProcedureCode } from '@banjie/contracts';
import { PROCEDURE_CATALOGUE, addDays, type LocalDate } from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import { approvalClient, eventually, startTestStack, type TestStack } from '@banjie/testing';
import { boardServices, today, workingDaysAgo } from './test/flag-board-scenario';

const admin: Actor = { sub: 'admin-1', role: 'admin' };
const clerkOf = (procedure: ProcedureCode): Actor => {
  const department = PROCEDURE_CATALOGUE[procedure].department;
  return { sub: `${department.toLowerCase()}-clerk`, role: 'department', department };
};
const limitOf = (procedure: ProcedureCode) => PROCEDURE_CATALOGUE[procedure].committedWorkingDays;

interface DepartmentFigures {
  completed: number;
  completedWithinLimit: number;
  waitingForAcceptance: number;
  overdue: number;
}

/**
 * Each department's public record on the notice service against the approval service's own data:
 * procedures driven through the approval API as clerks (and an admin's late entries for what lies
 * beyond the back-dating grace), then `GET /api/departments` counts what the approval service says —
 * completions, completions by the due date it gave before the approval, waiting and overdue
 * applications — today and as of an earlier day.
 */
describe("each department's public record matches the approval service's data", () => {
  let stack: TestStack;
  const chain = `履诺-${Date.now().toString(36)}`;

  beforeAll(async () => {
    stack = await startTestStack('department_record', [
      'intake-service',
      'approval-service',
      'notice-service',
    ]);
  }, 180_000);

  afterAll(() => stack?.stop(), 60_000);

  it('counts completions, within-limit completions, waiting and overdue applications per department', async () => {
    const approval = stack.urlOf('approval-service');
    const as = (actor: Actor) => approvalClient(approval, actor);
    const ok = async <T extends { status: number; body: unknown }>(response: Promise<T>, what: string) => {
      const answered = await response;
      if (answered.status >= 300)
        throw new Error(`${what}: ${answered.status} ${JSON.stringify(answered.body)}`);
      return answered;
    };
    const code = await boardServices(stack.urlOf('intake-service'), approval).register(
      { name: '履诺统计测试项目', type: 'NEW', lifecycle: ['PREPARING'], procedures: {} },
      chain,
    );
    const id = (procedure: ProcedureCode) => `${code}-${procedure}`;
    /** Submitted the day before, accepted `workingDays` working days ago: recorded late by an admin. */
    const acceptedAgo = async (procedure: ProcedureCode, workingDays: number) => {
      const acceptedOn = workingDaysAgo(workingDays);
      const lateEntry = { reason: '履诺统计测试：回溯的办理记录' };
      await ok(
        as(admin).act(id(procedure), 'submit', { effectiveDate: addDays(acceptedOn, -1), lateEntry }),
        `submit ${procedure}`,
      );
      await ok(
        as(admin).act(id(procedure), 'accept', { effectiveDate: acceptedOn, lateEntry }),
        `accept ${procedure}`,
      );
    };
    /** The due date the approval service gives, then its approval by the department on `effectiveDate`. */
    const dueDates = new Map<ProcedureCode, string>();
    const approve = async (procedure: ProcedureCode, effectiveDate: LocalDate) => {
      dueDates.set(procedure, (await ok(as(admin).get(id(procedure)), `read ${procedure}`)).body.dueDate!);
      await ok(
        as(clerkOf(procedure)).act(id(procedure), 'approve', {
          effectiveDate,
          documentNumber: `玉审〔2026〕${procedure.length}号`,
        }),
        `approve ${procedure}`,
      );
    };

    // NRB: approved the working day before its due date.
    await acceptedAgo('LAND_USE', limitOf('LAND_USE'));
    await approve('LAND_USE', workingDaysAgo(1));
    // EEB: approved three working days late.
    await acceptedAgo('EIA', limitOf('EIA') + 3);
    await approve('EIA', workingDaysAgo(1));
    // EMB: two working days over its limit, then extended by five and approved today: within.
    await acceptedAgo('SAFETY', limitOf('SAFETY') + 2);
    await ok(
      as(clerkOf('SAFETY')).act(id('SAFETY'), 'extend', { days: 5, reason: '需现场核查' }),
      'extend SAFETY',
    );
    await approve('SAFETY', today);
    // DRC: accepted, then a supplement asked for (the clock paused).
    await acceptedAgo('ENERGY_QUOTA', 2);
    await ok(
      as(clerkOf('ENERGY_QUOTA')).act(id('ENERGY_QUOTA'), 'request-supplement', {
        supplementReason: 'MISSING_DOCUMENT',
      }),
      'request-supplement ENERGY_QUOTA',
    );
    // WAB: overdue now.
    await acceptedAgo('SOIL_WATER', limitOf('SOIL_WATER') + 2);
    // HCB: submitted, waiting for acceptance.
    await ok(
      as(admin).act(id('FIRE_DESIGN'), 'submit', {
        effectiveDate: workingDaysAgo(1),
        lateEntry: { reason: '履诺统计测试：回溯的办理记录' },
      }),
      'submit FIRE_DESIGN',
    );

    /**
     * What the approval service's own data says, per department: completions by `day` (their
     * `completedOn`) and those by the due date it gave; today also the waiting and overdue ones.
     */
    const approvalFigures = async (day: LocalDate) => {
      const { body } = await ok(
        as(admin).request<{ items: ApprovalProcedure[] }>('GET', `/projects/${code}/procedures`),
        'list',
      );
      const figures = new Map<string, Partial<DepartmentFigures>>();
      for (const procedure of body.items) {
        const entry = figures.get(procedure.department) ?? { completed: 0, completedWithinLimit: 0 };
        if (day === today) {
          entry.waitingForAcceptance =
            (entry.waitingForAcceptance ?? 0) + Number(procedure.status === 'SUBMITTED');
          entry.overdue = (entry.overdue ?? 0) + Number(procedure.deadlineStatus === 'OVERDUE');
        }
        if (procedure.status === 'APPROVED' && procedure.completedOn! <= day) {
          entry.completed! += 1;
          if (procedure.completedOn! <= dueDates.get(procedure.procedure as ProcedureCode)!)
            entry.completedWithinLimit! += 1;
        }
        figures.set(procedure.department, entry);
      }
      return figures;
    };
    const noticeRecord = async (day: LocalDate) => {
      const query = `chain=${encodeURIComponent(chain)}${day === today ? '' : `&asOf=${day}`}`;
      const response = await fetch(`${stack.urlOf('notice-service')}/api/departments?${query}`);
      expect(response.status).toBe(200);
      const record = (await response.json()) as {
        departments: (DepartmentFigures & { department: string })[];
      };
      return new Map(record.departments.map((entry) => [entry.department, entry]));
    };
    const expectSame = async (day: LocalDate) => {
      const expected = await approvalFigures(day);
      await eventually(async () => {
        const shown = await noticeRecord(day);
        for (const [department, figures] of expected)
          expect([department, shown.get(department)]).toEqual([department, expect.objectContaining(figures)]);
      }, 60_000);
      return expected;
    };

    const now = await expectSame(today);
    // What was driven is what is counted: one completion within the limit each for NRB and EMB, EEB's late.
    expect(now.get('NRB')).toMatchObject({ completed: 1, completedWithinLimit: 1 });
    expect(now.get('EEB')).toMatchObject({ completed: 1, completedWithinLimit: 0 });
    expect(now.get('EMB')).toMatchObject({ completed: 1, completedWithinLimit: 1 });
    expect(now.get('WAB')).toMatchObject({ overdue: 1 });
    expect(now.get('HCB')).toMatchObject({ waitingForAcceptance: 1 });

    // The day before: EMB's approval had not happened yet.
    const before = await expectSame(addDays(today, -1));
    expect(before.get('EMB')).toMatchObject({ completed: 0 });
  }, 300_000);
});

interface ApprovalProcedure {
  procedure: string;
  department: string;
  status: string;
  completedOn: string | null;
  deadlineStatus: string;
}
