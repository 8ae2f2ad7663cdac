import {
  Applicability,
  DepartmentCode,
  IndustryCluster,
  LifecycleState,
  ProjectType,
  type PlanItem,
} from '@banjie/contracts';
import { completionKey, summarisePortfolio, type ProjectAsOf } from './portfolio-summary';

const item = (
  procedure: PlanItem['procedure'],
  applicability: Applicability,
  department: DepartmentCode = DepartmentCode.DRC,
): PlanItem => ({ procedure, applicability, department });

function project(overrides: Partial<ProjectAsOf> & Pick<ProjectAsOf, 'code'>): ProjectAsOf {
  return {
    type: ProjectType.NEW,
    cluster: IndustryCluster.OTHER,
    chain: '新能源',
    state: LifecycleState.PREPARING,
    suspendedFrom: null,
    plan: null,
    ...overrides,
  };
}

describe('summarisePortfolio', () => {
  it('reports no rate (null), not 0 %, when there is nothing to count', () => {
    const summary = summarisePortfolio('2023-03-28', [], new Map());
    expect(summary.projects.total).toBe(0);
    expect(summary.continuing).toEqual({ total: 0, resumed: 0, rate: null });
    expect(summary.new).toEqual({ total: 0, started: 0, rate: null });
    expect(summary.procedures).toEqual({ applicable: 0, completed: 0, rate: null });
    expect(summary.byCluster).toEqual([]);
  });

  it('leaves already-held and not-applicable procedures out of the completion rate', () => {
    const plan = [item('EIA', Applicability.NOT_APPLICABLE), item('SAFETY', Applicability.ALREADY_HELD)];
    const summary = summarisePortfolio('2023-03-28', [project({ code: 'BJ-2023-0001', plan })], new Map());
    expect(summary.procedures).toEqual({ applicable: 0, completed: 0, rate: null });
  });

  it('counts approved REQUIRED procedures over REQUIRED ones, overall and by department', () => {
    const plan = [
      item('EIA', Applicability.REQUIRED, DepartmentCode.EEB),
      item('SAFETY', Applicability.REQUIRED, DepartmentCode.EMB),
      item('LAND_USE', Applicability.REQUIRED, DepartmentCode.NRB),
      item('FIRE_DESIGN', Applicability.ALREADY_HELD, DepartmentCode.HCB),
    ];
    const completions = new Map([
      [completionKey('BJ-2023-0001', 'EIA'), 'APPROVED' as const],
      [completionKey('BJ-2023-0001', 'FIRE_DESIGN'), 'APPROVED' as const],
    ]);
    const summary = summarisePortfolio('2023-03-28', [project({ code: 'BJ-2023-0001', plan })], completions);
    expect(summary.procedures).toMatchObject({ applicable: 3, completed: 1, rate: 0.333 });
    expect(
      summary.byDepartment.map((d) => [d.department, d.procedures.completed, d.procedures.applicable]),
    ).toEqual([
      ['EEB', 1, 1],
      ['EMB', 0, 1],
      ['HCB', 0, 0],
      ['NRB', 0, 1],
    ]);
  });

  it("takes the approval service's marking of a required procedure as not applicable or already held out of both terms", () => {
    const plan = [
      item('EIA', Applicability.REQUIRED, DepartmentCode.EEB),
      item('SAFETY', Applicability.REQUIRED, DepartmentCode.EMB),
      item('LAND_USE', Applicability.REQUIRED, DepartmentCode.NRB),
    ];
    const outcomes = new Map([
      [completionKey('BJ-2023-0001', 'EIA'), 'APPROVED' as const],
      [completionKey('BJ-2023-0001', 'SAFETY'), 'NOT_APPLICABLE' as const],
      [completionKey('BJ-2023-0001', 'LAND_USE'), 'ALREADY_HELD' as const],
    ]);
    const summary = summarisePortfolio('2023-03-28', [project({ code: 'BJ-2023-0001', plan })], outcomes);
    expect(summary.procedures).toEqual({ applicable: 1, completed: 1, rate: 1 });
    expect(summary.byDepartment.map((d) => [d.department, d.procedures.applicable])).toEqual([
      ['EEB', 1],
      ['EMB', 0],
      ['NRB', 0],
    ]);
  });

  it('computes resume and start rates, counting a suspended project by where it was', () => {
    const projects = [
      project({ code: 'A', type: ProjectType.CONTINUING, state: LifecycleState.RESUMED }),
      project({
        code: 'B',
        type: ProjectType.CONTINUING,
        state: LifecycleState.SUSPENDED,
        suspendedFrom: LifecycleState.UNDER_CONSTRUCTION,
      }),
      project({ code: 'C', type: ProjectType.CONTINUING, state: LifecycleState.PREPARING }),
      project({
        code: 'D',
        type: ProjectType.NEW,
        state: LifecycleState.STARTED,
        cluster: IndustryCluster.MODERN_CHEMICALS,
      }),
      project({ code: 'E', type: ProjectType.NEW, state: LifecycleState.SIGNED }),
      project({ code: 'F', type: ProjectType.NEW, state: LifecycleState.CANCELLED }),
    ];
    const summary = summarisePortfolio('2023-03-28', projects, new Map());
    expect(summary.projects.total).toBe(5);
    expect(summary.continuing).toEqual({ total: 3, resumed: 2, rate: 0.667 });
    expect(summary.new).toEqual({ total: 2, started: 1, rate: 0.5 });
    expect(summary.byCluster.find((c) => c.cluster === 'MODERN_CHEMICALS')?.new).toEqual({
      total: 1,
      started: 1,
      rate: 1,
    });
  });
});
