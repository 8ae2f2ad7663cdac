import {
  Applicability,
  ProcedureStatus,
  type DepartmentCode,
  type IndustryCluster,
  type LifecycleState,
  type PlanItem,
  type ProcedureCode,
  type ProjectType,
} from '@banjie/contracts';
import {
  completionRatesBy,
  constructionRates,
  isOnProjectList,
  procedureCompletionRate,
  type CompletionTally,
} from '@banjie/domain';
import type { ProcedureOutcome } from '../completions/procedure-outcome';

/** One project as it stood on the as-of date. */
export interface ProjectAsOf {
  code: string;
  type: ProjectType;
  cluster: IndustryCluster;
  chain: string;
  state: LifecycleState;
  suspendedFrom: LifecycleState | null;
  plan: PlanItem[] | null;
}

export interface ProjectRates {
  projects: { total: number };
  continuing: { total: number; resumed: number; rate: number | null };
  new: { total: number; started: number; rate: number | null };
}

export interface PortfolioSummary extends ProjectRates {
  asOf: string;
  procedures: CompletionTally;
  byCluster: (ProjectRates & { cluster: string; procedures: CompletionTally })[];
  byChain: (ProjectRates & { chain: string; procedures: CompletionTally })[];
  byDepartment: { department: string; procedures: CompletionTally }[];
}

interface PlannedProcedure {
  status: ProcedureStatus;
  department: DepartmentCode;
}

export const completionKey = (projectCode: string, procedure: ProcedureCode | string) =>
  `${projectCode}/${procedure}`;

function projectRates(projects: ProjectAsOf[]): ProjectRates {
  const { resume, start, overall } = constructionRates(projects);
  return {
    projects: { total: overall.total },
    continuing: { total: resume.total, resumed: resume.begun, rate: resume.rate },
    new: { total: start.total, started: start.begun, rate: start.rate },
  };
}

/**
 * A plan item in the terms of the domain's completion rate: held and not-applicable keep their own
 * state; a required one takes the approval service's outcome (approved, or marked not applicable /
 * already held by the department after the plan was made), and is open work otherwise.
 */
function statusOf(item: PlanItem, outcome: ProcedureOutcome | undefined): ProcedureStatus {
  if (item.applicability === Applicability.ALREADY_HELD) return ProcedureStatus.ALREADY_HELD;
  if (item.applicability === Applicability.NOT_APPLICABLE) return ProcedureStatus.NOT_APPLICABLE;
  return outcome ?? ProcedureStatus.PLANNED;
}

function groupBy<K extends string>(
  projects: ProjectAsOf[],
  key: (project: ProjectAsOf) => K,
): [K, ProjectAsOf[]][] {
  const groups = new Map<K, ProjectAsOf[]>();
  for (const project of projects) groups.set(key(project), [...(groups.get(key(project)) ?? []), project]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The portfolio's rates as of a day, over the projects on the list (cancelled and removed ones
 * count nowhere). Procedure completion follows the domain's rule: approved ÷ procedures still to
 * be handled; already-held and not-applicable ones are in neither term (see libs/domain/README.md).
 */
export function summarisePortfolio(
  asOf: string,
  all: ProjectAsOf[],
  outcomes: ReadonlyMap<string, ProcedureOutcome>,
): PortfolioSummary {
  const projects = all.filter((project) => isOnProjectList(project.state));
  const planned = (list: ProjectAsOf[]): PlannedProcedure[] =>
    list.flatMap((project) =>
      (project.plan ?? []).map((item) => ({
        department: item.department,
        status: statusOf(item, outcomes.get(completionKey(project.code, item.procedure))),
      })),
    );
  return {
    asOf,
    ...projectRates(projects),
    procedures: procedureCompletionRate(planned(projects)),
    byCluster: groupBy(projects, (p) => p.cluster).map(([cluster, group]) => ({
      cluster,
      ...projectRates(group),
      procedures: procedureCompletionRate(planned(group)),
    })),
    byChain: groupBy(projects, (p) => p.chain).map(([chain, group]) => ({
      chain,
      ...projectRates(group),
      procedures: procedureCompletionRate(planned(group)),
    })),
    byDepartment: completionRatesBy(planned(projects), (p) => p.department).map(({ key, ...tally }) => ({
      department: key,
      procedures: tally,
    })),
  };
}
