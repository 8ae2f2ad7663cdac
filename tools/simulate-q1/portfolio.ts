import { Applicability, type DepartmentCode, type ProcedureCode } from '@banjie/contracts';
import { parseLocalDate, procedureDefinition, type LocalDate } from '@banjie/domain';
import { PORTFOLIO_2023, readPortfolioSeed } from '@banjie/portfolio';

/** A procedure the portfolio's plan requires (the 60 % target counts only these). */
export interface RequiredProcedure {
  procedureId: string;
  projectCode: string;
  projectName: string;
  procedure: ProcedureCode;
  department: DepartmentCode;
  committedWorkingDays: number;
  targetDate: LocalDate;
  /** The project's listing day: nothing is submitted before it. */
  listedOn: LocalDate;
}

export interface SimulatedPortfolio {
  projects: number;
  planItems: number;
  required: RequiredProcedure[];
}

/**
 * The 2023 portfolio as the intake service lists it: codes `BJ-2023-0001…` in the seed's order
 * (the order `npm run load-portfolio` registers them), each REQUIRED plan item with the
 * catalogue's department and the plan's limit and target date. `limit` keeps the first N projects.
 */
export function loadPortfolio(
  path: string = PORTFOLIO_2023,
  limit: number | null = null,
): SimulatedPortfolio {
  const seed = readPortfolioSeed(path);
  const projects = limit === null ? seed : seed.slice(0, limit);
  const required = projects.flatMap((project, index) => {
    const projectCode = `BJ-2023-${String(index + 1).padStart(4, '0')}`;
    return project.plan
      .filter((item) => item.applicability === Applicability.REQUIRED)
      .map((item): RequiredProcedure => {
        const definition = procedureDefinition(item.procedure);
        if (item.targetDate === undefined)
          throw new Error(`${projectCode} ${item.procedure}: a REQUIRED plan item without a target date`);
        return {
          procedureId: `${projectCode}-${item.procedure}`,
          projectCode,
          projectName: project.name,
          procedure: item.procedure,
          department: definition.department,
          committedWorkingDays: item.timeLimitWorkingDays ?? definition.committedWorkingDays,
          targetDate: parseLocalDate(item.targetDate),
          listedOn: parseLocalDate(project.listedOn),
        };
      });
  });
  return {
    projects: projects.length,
    planItems: projects.reduce((sum, p) => sum + p.plan.length, 0),
    required,
  };
}
