import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LifecycleState } from '@banjie/contracts';
import type { ProcedureOutcome } from '../completions/procedure-outcome';
import type { ProjectAsOf } from './portfolio-summary';

/** How a procedure of a project had ended by a day, as the approval service reported it. */
export interface CompletionAsOf {
  projectCode: string;
  procedure: string;
  outcome: ProcedureOutcome;
}

/** The portfolio's history read back as of a day: projects, their states and plans, and completed procedures. */
@Injectable()
export class PortfolioRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every project listed by the end of `asOf`, in the state and with the plan it had then. */
  async projectsAsOf(asOf: string): Promise<ProjectAsOf[]> {
    return (await this.dataSource.query(
      `SELECT p.code, p.type, p.cluster, p.chain,
              COALESCE(last_move.to_state, first_move.from_state, p.state) AS state,
              CASE WHEN last_move.to_state = $2 THEN last_move.from_state END AS "suspendedFrom",
              plan.items AS plan
         FROM intake.projects p
         LEFT JOIN LATERAL (SELECT t.from_state, t.to_state FROM intake.lifecycle_transitions t
                             WHERE t.project_code = p.code AND t.effective_date <= $1
                             ORDER BY t.effective_date DESC, t.id DESC LIMIT 1) last_move ON true
         LEFT JOIN LATERAL (SELECT t.from_state FROM intake.lifecycle_transitions t
                             WHERE t.project_code = p.code ORDER BY t.id LIMIT 1) first_move ON true
         LEFT JOIN LATERAL (SELECT v.items FROM intake.procedure_plan_versions v
                             WHERE v.project_code = p.code AND v.effective_date <= $1
                             ORDER BY v.plan_version DESC LIMIT 1) plan ON true
        WHERE p.listed_on <= $1`,
      [asOf, LifecycleState.SUSPENDED],
    )) as ProjectAsOf[];
  }

  /** The procedures approved, or marked not applicable or already held, by the end of `asOf`. */
  async completionsAsOf(asOf: string): Promise<CompletionAsOf[]> {
    return (await this.dataSource.query(
      `SELECT project_code AS "projectCode", procedure, outcome FROM intake.procedure_completions WHERE completed_on <= $1`,
      [asOf],
    )) as CompletionAsOf[];
  }
}
