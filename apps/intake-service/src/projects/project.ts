import type { IndustryCluster, LifecycleState, ProjectType } from '@banjie/contracts';

export interface HelperContact {
  name: string;
  phone?: string;
  /** Their login (token subject). */
  userId?: string;
}

/** A key project as `intake.projects` holds it. */
export interface Project {
  /** Given once for life, never reused (from a sequence). */
  code: string;
  name: string;
  ownerEnterpriseId: string;
  ownerEnterpriseName: string;
  /** 亿元, exact: numeric in Postgres, a decimal string in TypeScript. */
  totalInvestment: string;
  cluster: IndustryCluster;
  chain: string;
  type: ProjectType;
  location: string;
  /** A local date, YYYY-MM-DD. */
  plannedStart: string;
  responsibleUnit: string;
  helpers: HelperContact[];
  leadingOfficial: string;
  /** The day the project entered the key-project list (for as-of summaries). */
  listedOn: string;
  state: LifecycleState;
  suspendedFrom: LifecycleState | null;
  /** Counts the project's changes from 1; each change of its facts or state moves it on by one. */
  version: number;
  registeredAt: Date;
  updatedAt: Date;
}
