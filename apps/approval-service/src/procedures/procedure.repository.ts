import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PROCEDURE_CODES } from '@banjie/contracts';
import { DomainException, queryPage, type Page, type PageQuery, type Tx } from '@banjie/platform';
import type { ProcedureRecord } from './procedure.record';
import { visibilityCondition, type Visibility } from './procedure-visibility';

const COLUMNS = `p.procedure_id AS "procedureId", p.project_code AS "projectCode", p.procedure, p.department, p.status, p.sequence,
  p.effective_date::text AS "effectiveDate", p.application_number AS "applicationNumber", p.extensions_used AS "extensionsUsed",
  p.plan_applicability AS "planApplicability", p.planned_working_days AS "plannedWorkingDays",
  p.committed_working_days AS "committedWorkingDays", p.extension_working_days AS "extensionWorkingDays",
  p.acceptance_working_days AS "acceptanceWorkingDays", p.submitted_on::text AS "submittedOn",
  p.pre_acceptance_supplement AS "preAcceptanceSupplement", p.accepted_on::text AS "acceptedOn",
  p.deemed_accepted AS "deemedAccepted", p.pauses,
  p.baseline_date::text AS "baselineDate", p.target_date::text AS "targetDate", p.completed_on::text AS "completedOn",
  p.document_number AS "documentNumber"`;

export interface ProcedureFilter {
  statuses?: string[];
  projectCode?: string;
  department?: string;
}

@Injectable()
export class ProcedureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reads a procedure for change, locking its row until the transaction ends (concurrent actions queue here). */
  async lockForChange(tx: Tx, procedureId: string): Promise<ProcedureRecord> {
    const record = await this.lockIfExists(tx, procedureId);
    if (!record) throw procedureNotFound(procedureId);
    return record;
  }

  /** The same, for a caller to whom an unknown procedure is no error. */
  async lockIfExists(tx: Tx, procedureId: string): Promise<ProcedureRecord | null> {
    const [record] = (await tx.query(
      `SELECT ${COLUMNS} FROM approval.procedures p WHERE p.procedure_id = $1 FOR UPDATE`,
      [procedureId],
    )) as ProcedureRecord[];
    return record ?? null;
  }

  async lockProjectProcedures(tx: Tx, projectCode: string): Promise<ProcedureRecord[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM approval.procedures p WHERE p.project_code = $1 ORDER BY p.procedure_id FOR UPDATE`,
      [projectCode],
    );
  }

  async save(tx: Tx, r: ProcedureRecord): Promise<void> {
    await tx.query(
      `INSERT INTO approval.procedures (procedure_id, project_code, procedure, department, status, sequence, effective_date, application_number,
         extensions_used, plan_applicability, planned_working_days, committed_working_days, extension_working_days, submitted_on, accepted_on,
         pauses, baseline_date, target_date, completed_on, document_number, acceptance_working_days, pre_acceptance_supplement, deemed_accepted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
       ON CONFLICT (procedure_id) DO UPDATE SET department = EXCLUDED.department, status = EXCLUDED.status, sequence = EXCLUDED.sequence,
         effective_date = EXCLUDED.effective_date, application_number = EXCLUDED.application_number, extensions_used = EXCLUDED.extensions_used,
         plan_applicability = EXCLUDED.plan_applicability, planned_working_days = EXCLUDED.planned_working_days,
         committed_working_days = EXCLUDED.committed_working_days, extension_working_days = EXCLUDED.extension_working_days,
         submitted_on = EXCLUDED.submitted_on, accepted_on = EXCLUDED.accepted_on, pauses = EXCLUDED.pauses,
         baseline_date = EXCLUDED.baseline_date, target_date = EXCLUDED.target_date, completed_on = EXCLUDED.completed_on,
         document_number = EXCLUDED.document_number, acceptance_working_days = EXCLUDED.acceptance_working_days,
         pre_acceptance_supplement = EXCLUDED.pre_acceptance_supplement, deemed_accepted = EXCLUDED.deemed_accepted, updated_at = now()`,
      [
        r.procedureId,
        r.projectCode,
        r.procedure,
        r.department,
        r.status,
        r.sequence,
        r.effectiveDate,
        r.applicationNumber,
        r.extensionsUsed,
        r.planApplicability,
        r.plannedWorkingDays,
        r.committedWorkingDays,
        r.extensionWorkingDays,
        r.submittedOn,
        r.acceptedOn,
        JSON.stringify(r.pauses),
        r.baselineDate,
        r.targetDate,
        r.completedOn,
        r.documentNumber,
        r.acceptanceWorkingDays,
        r.preAcceptanceSupplement === null ? null : JSON.stringify(r.preAcceptanceSupplement),
        r.deemedAccepted,
      ],
    );
  }

  /** Every procedure matching the filter that the caller may see, by project and catalogue order. */
  async list(visibility: Visibility, filter: ProcedureFilter): Promise<ProcedureRecord[]> {
    const { from, parameters } = listSql(visibility, filter);
    return this.dataSource.query(`SELECT ${COLUMNS} ${from} ORDER BY ${LIST_ORDER}`, parameters);
  }

  /** One page of them, paged in SQL. */
  page(visibility: Visibility, filter: ProcedureFilter, query: PageQuery): Promise<Page<ProcedureRecord>> {
    const { from, parameters } = listSql(visibility, filter);
    return queryPage<ProcedureRecord>(
      this.dataSource,
      { columns: COLUMNS, from, orderBy: LIST_ORDER, parameters },
      query,
    );
  }

  /** One procedure if the caller may see it (otherwise it looks absent). */
  async findVisible(procedureId: string, visibility: Visibility): Promise<ProcedureRecord> {
    const visible = visibilityCondition(visibility, 2);
    const [record] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM approval.procedures p JOIN approval.projects pr ON pr.code = p.project_code
        WHERE p.procedure_id = $1 AND ${visible.sql}`,
      [procedureId, ...visible.params],
    )) as ProcedureRecord[];
    if (!record) throw procedureNotFound(procedureId);
    return record;
  }
}

export function procedureNotFound(procedureId: string): DomainException {
  return new DomainException('not-found', 'PROCEDURE_NOT_FOUND', `no procedure ${procedureId}`);
}

/** By project, then in catalogue order (as the views list them). */
const LIST_ORDER = `p.project_code COLLATE "C",
  array_position(ARRAY[${PROCEDURE_CODES.map((code) => `'${code}'`).join(', ')}]::text[], p.procedure)`;

/** The `FROM … WHERE …` of the procedures matching the filter that the caller may see. */
function listSql(visibility: Visibility, filter: ProcedureFilter): { from: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(sql(parameters.length));
  };
  if (filter.statuses?.length) add((n) => `p.status = ANY ($${n}::text[])`, filter.statuses);
  if (filter.projectCode) add((n) => `p.project_code = $${n}`, filter.projectCode);
  if (filter.department) add((n) => `p.department = $${n}`, filter.department);
  const visible = visibilityCondition(visibility, parameters.length + 1);
  conditions.push(visible.sql);
  parameters.push(...visible.params);
  return {
    from: `FROM approval.procedures p JOIN approval.projects pr ON pr.code = p.project_code
      WHERE ${conditions.join(' AND ')}`,
    parameters,
  };
}
