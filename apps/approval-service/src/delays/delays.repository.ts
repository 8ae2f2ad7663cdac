import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProcedureAction } from '@banjie/contracts';
import { visibilityCondition, type Visibility } from '../procedures/procedure-visibility';
import type { ProcedureRecord } from '../procedures/procedure.record';
import type { ReportedProcedure } from './delay-report';

/** A procedure in the delay report, with what its committed limit comes from. */
export type DelayReportRow = ReportedProcedure &
  Pick<ProcedureRecord, 'committedWorkingDays' | 'plannedWorkingDays'>;

@Injectable()
export class DelaysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The procedures the caller may see that had an application submitted on or before `asOf`. */
  submittedBy(visibility: Visibility, asOf: string): Promise<DelayReportRow[]> {
    const visible = visibilityCondition(visibility, 3);
    return this.dataSource.query(
      `SELECT p.procedure_id AS "procedureId", p.project_code AS "projectCode", pr.name AS "projectName", pr.chain,
              p.procedure, p.department, p.committed_working_days AS "committedWorkingDays",
              p.planned_working_days AS "plannedWorkingDays"
         FROM approval.procedures p JOIN approval.projects pr ON pr.code = p.project_code
        WHERE EXISTS (SELECT 1 FROM approval.audit_trail a
                       WHERE a.procedure_id = p.procedure_id AND a.action = $1 AND a.outcome = 'APPLIED'
                         AND a.effective_date <= $2::date)
          AND ${visible.sql}
        ORDER BY p.procedure_id`,
      [ProcedureAction.SUBMIT, asOf, ...visible.params],
    );
  }
}
