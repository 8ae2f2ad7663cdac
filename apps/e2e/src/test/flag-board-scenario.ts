import type { DepartmentCode, ProcedureCode } from '@banjie/contracts';
import {
  PROCEDURE_CATALOGUE,
  addDays,
  createChineseWorkingDayCalendar,
  shanghaiLocalDate,
  type LocalDate,
} from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import {
  approvalClient,
  eventually,
  intakeClient,
  planItems,
  sampleRegistration,
  type ServiceTarget,
} from '@banjie/testing';

/**
 * Key projects driven through the real intake and approval APIs, as clerks would, back-dated so
 * that the board shows every colour today (submissions and acceptances older than the approval
 * service's back-dating grace are an admin's late entries): the page of the browser test shows these.
 */

const calendar = createChineseWorkingDayCalendar();
export const today = shanghaiLocalDate(new Date());

/** The day `n` working days before today (a clock accepted then has consumed n days today). */
export function workingDaysAgo(n: number): LocalDate {
  let day = addDays(today, -1);
  while (calendar.workingDaysBetween(day, today) < n) day = addDays(day, -1);
  return day;
}

/** The clerk of the department that approves a procedure. */
const clerkFor = (procedure: string): Actor => {
  const department: DepartmentCode = PROCEDURE_CATALOGUE[procedure as ProcedureCode].department;
  return { sub: `${department.toLowerCase()}-clerk`, role: 'department', department };
};
const admin: Actor = { sub: 'admin-1', role: 'admin' };

export interface BoardStory {
  name: string;
  type: 'NEW' | 'CONTINUING';
  /** Lifecycle moves after registration. */
  lifecycle: string[];
  /** For some procedures: how far they have got (others stay planned). */
  procedures: Partial<
    Record<string, 'SUBMITTED' | 'BLUE' | 'YELLOW' | 'RED' | 'GREEN' | 'HELD' | 'NOT_APPLICABLE'>
  >;
}

/** How many working days ago to accept, for a procedure with limit L to show a colour today. */
const ACCEPTED_DAYS_AGO = {
  BLUE: () => 1,
  YELLOW: (limit: number) => limit - 2,
  RED: (limit: number) => limit + 2,
  GREEN: (limit: number) => limit,
} as const;

export function boardServices(intake: ServiceTarget, approval: ServiceTarget) {
  const intakeAdmin = intakeClient(intake, admin);
  const as = (actor: Actor) => approvalClient(approval, actor);
  const ok = <T extends { status: number; body: unknown }>(response: T, what: string): T => {
    if (response.status >= 300)
      throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };

  /** Registers a project on a chain, plans it, moves it through its lifecycle, and waits for its 11 procedures. */
  async function register(story: BoardStory, chain: string): Promise<string> {
    const listedOn = addDays(today, -120);
    const { body } = ok(
      await intakeAdmin<{ code: string }>('POST', '/projects', {
        ...sampleRegistration,
        name: story.name,
        type: story.type,
        chain,
        listedOn,
        plannedStart: addDays(today, -20),
      }),
      'register',
    );
    const held = Object.entries(story.procedures).filter(
      ([, goal]) => goal === 'HELD' || goal === 'NOT_APPLICABLE',
    );
    const exceptions = Object.fromEntries(
      held.map(([procedure, goal]) => [
        procedure,
        goal === 'HELD'
          ? {
              procedure,
              applicability: 'ALREADY_HELD',
              documentNumber: `玉发改备〔2022〕${procedure.length}号`,
            }
          : { procedure, applicability: 'NOT_APPLICABLE' },
      ]),
    );
    ok(
      await intakeAdmin('PUT', `/projects/${body.code}/plan`, {
        effectiveDate: addDays(today, -100),
        reason: '前期手续计划',
        items: planItems(addDays(today, 30), exceptions),
      }),
      'plan',
    );
    let day = addDays(today, -90);
    for (const to of story.lifecycle) {
      ok(
        await intakeAdmin('POST', `/projects/${body.code}/transitions`, { to, effectiveDate: day }),
        `transition to ${to}`,
      );
      day = addDays(day, 30);
    }
    await eventually(async () => {
      const procedures = (await as(admin).ofProject(body.code)).body.items;
      if (!Array.isArray(procedures) || procedures.length !== 11)
        throw new Error(`${body.code}: procedures not opened yet`);
    }, 60_000);
    for (const [procedure, goal] of Object.entries(story.procedures)) {
      if (goal && goal !== 'HELD' && goal !== 'NOT_APPLICABLE') await advance(body.code, procedure, goal);
    }
    return body.code;
  }

  async function advance(
    code: string,
    procedure: string,
    goal: 'SUBMITTED' | 'BLUE' | 'YELLOW' | 'RED' | 'GREEN',
  ): Promise<void> {
    const id = `${code}-${procedure}`;
    const limit = PROCEDURE_CATALOGUE[procedure as ProcedureCode].committedWorkingDays;
    const acceptedOn = workingDaysAgo(goal === 'SUBMITTED' ? 1 : ACCEPTED_DAYS_AGO[goal](limit));
    ok(await recordLate(id, 'submit', { effectiveDate: addDays(acceptedOn, -1) }), `submit ${id}`);
    if (goal === 'SUBMITTED') return;
    ok(await recordLate(id, 'accept', { effectiveDate: acceptedOn }), `accept ${id}`);
    if (goal === 'GREEN') await approve(code, procedure, workingDaysAgo(1));
  }

  /** An action dated further back than the grace: an admin records it on behalf of its party (the owner, the department). */
  function recordLate(procedureId: string, action: 'submit' | 'accept', body: Record<string, unknown>) {
    return as(admin).act(procedureId, action, { ...body, lateEntry: { reason: '看板测试：回溯的办理记录' } });
  }

  function accept(code: string, procedure: string, effectiveDate: string = today) {
    return as(clerkFor(procedure))
      .act(`${code}-${procedure}`, 'accept', { effectiveDate })
      .then((r) => ok(r, `accept ${procedure}`));
  }

  function approve(code: string, procedure: string, effectiveDate: string = today) {
    return as(clerkFor(procedure))
      .act(`${code}-${procedure}`, 'approve', {
        effectiveDate,
        documentNumber: `玉审〔${today.slice(0, 4)}〕${Math.floor(Math.random() * 90) + 10}号`,
      })
      .then((r) => ok(r, `approve ${procedure}`));
  }

  return { register, accept, approve };
}

/** A small portfolio with every colour, named after the report's projects. */
export const BOARD_STORIES: BoardStory[] = [
  {
    name: '玉门抽水蓄能电站',
    type: 'NEW',
    lifecycle: ['PREPARING', 'STARTED'],
    procedures: {
      PROJECT_APPROVAL: 'HELD',
      LAND_PREEXAM: 'HELD',
      LAND_USE: 'GREEN',
      LAND_PLANNING: 'GREEN',
      ENERGY_QUOTA: 'NOT_APPLICABLE',
      EIA: 'BLUE',
      SAFETY: 'SUBMITTED',
    },
  },
  {
    name: '陕煤集团60万吨/年可降解材料项目',
    type: 'NEW',
    lifecycle: ['PREPARING'],
    procedures: {
      PROJECT_APPROVAL: 'GREEN',
      LAND_PREEXAM: 'GREEN',
      LAND_USE: 'RED',
      ENERGY_QUOTA: 'YELLOW',
      EIA: 'BLUE',
      SAFETY: 'BLUE',
    },
  },
  {
    name: '酒钢集团风电项目一期',
    type: 'CONTINUING',
    lifecycle: ['PREPARING', 'RESUMED'],
    procedures: {
      PROJECT_APPROVAL: 'HELD',
      LAND_PREEXAM: 'HELD',
      LAND_USE: 'HELD',
      LAND_PLANNING: 'HELD',
      ENGINEERING_PLANNING: 'GREEN',
      EIA: 'HELD',
      SOIL_WATER: 'NOT_APPLICABLE',
      FIRE_DESIGN: 'GREEN',
      CONSTRUCTION_PERMIT: 'YELLOW',
    },
  },
  {
    name: '中核汇能“光热+”示范项目',
    type: 'CONTINUING',
    lifecycle: ['PREPARING'],
    procedures: {
      PROJECT_APPROVAL: 'HELD',
      LAND_PREEXAM: 'GREEN',
      LAND_USE: 'GREEN',
      EIA: 'RED',
      SAFETY: 'GREEN',
      SOIL_WATER: 'BLUE',
    },
  },
  {
    name: '亚邦能源40万吨/年硫磺制酸项目',
    type: 'NEW',
    lifecycle: ['PREPARING'],
    procedures: {
      PROJECT_APPROVAL: 'GREEN',
      ENERGY_QUOTA: 'BLUE',
      EIA: 'SUBMITTED',
      FIRE_DESIGN: 'NOT_APPLICABLE',
    },
  },
];
