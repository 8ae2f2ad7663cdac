import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProcedureOutcome } from '../completions/procedure-outcome';
import {
  completionKey,
  summarisePortfolio,
  type PortfolioSummary,
  type ProjectAsOf,
} from './portfolio-summary';

@Injectable()
export class PortfolioService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The portfolio as it stood at the end of `asOf` (Asia/Shanghai), from the recorded history. */
  async summary(asOf: string): Promise<PortfolioSummary> {
    const projects: ProjectAsOf[] = await this.dataSource.query(
      `SELECT p.code, p.type, p.cluster, p.chain,
              COALESCE(last_move.to_state, first_move.from_state, p.state) AS state,
              CASE WHEN last_move.to_state = 'SUSPENDED' THEN last_move.from_state END AS "suspendedFrom",
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
      [asOf],
    );
    const outcomes: { project_code: string; procedure: string; outcome: ProcedureOutcome }[] =
      await this.dataSource.query(
        `SELECT project_code, procedure, outcome FROM intake.procedure_completions WHERE completed_on <= $1`,
        [asOf],
      );
    return summarisePortfolio(
      asOf,
      projects,
      new Map(outcomes.map((o) => [completionKey(o.project_code, o.procedure), o.outcome])),
    );
  }
}
