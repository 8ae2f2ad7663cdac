// The 2023 portfolio seed (apps/intake-service/seed/portfolio-2023.json): its shape and reading it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LifecycleState,
  type Applicability,
  type DepartmentCode,
  type ProcedureCode,
} from '@banjie/contracts';
import { parseLocalDate, type LocalDate } from '@banjie/domain';

export const PORTFOLIO_2023 = join(__dirname, '../../../apps/intake-service/seed/portfolio-2023.json');

export interface SeedHelper {
  name: string;
  phone?: string;
  /** The helper's login (token subject): lets the helper act on the project's applications. */
  userId?: string;
}

export interface SeedPlanItem {
  procedure: ProcedureCode;
  applicability: Applicability;
  department?: DepartmentCode;
  documentNumber?: string;
  timeLimitWorkingDays?: number;
  targetDate?: string;
}

export interface SeedLifecycleStep {
  to: LifecycleState;
  on: string;
  reason?: string;
}

/** A project as the seed gives it: the registration body, plus its plan and lifecycle history. */
export interface SeedProject {
  name: string;
  ownerEnterprise: { id: string; name: string };
  type: string;
  listedOn: string;
  plannedStart: string;
  helpers: SeedHelper[];
  lifecycle: SeedLifecycleStep[];
  plan: SeedPlanItem[];
  [field: string]: unknown;
}

export function readPortfolioSeed(file = PORTFOLIO_2023): SeedProject[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { projects: SeedProject[] }).projects;
}

/** The registration body of a seed project (what `POST /projects` takes). */
export function registrationOf(project: SeedProject): Record<string, unknown> {
  const { lifecycle, plan, ...registration } = project;
  return registration;
}

/** The day construction began (开工 for a new project, 复工 for a continuing one), if it has. */
export function constructionStartOf(project: SeedProject): LocalDate | null {
  const start = project.lifecycle.find(
    (step) => step.to === LifecycleState.STARTED || step.to === LifecycleState.RESUMED,
  );
  return start ? parseLocalDate(start.on) : null;
}
