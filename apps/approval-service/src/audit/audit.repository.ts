import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { currentCorrelationId, queryPage, type Page, type PageQuery, type Tx } from '@banjie/platform';

/** What happened to an attempt: it changed the procedure, the caller was not permitted, or a rule said no. */
export type AuditOutcome = 'APPLIED' | 'DENIED' | 'REJECTED';

/** `open` and `replan` are changes from the intake plan; the others are the procedure actions. */
export interface AuditEntry {
  procedureId: string;
  projectCode: string;
  action: string;
  outcome: AuditOutcome;
  actor: { sub: string; role: string; department?: string; enterpriseId?: string };
  fromStatus: string | null;
  toStatus: string | null;
  sequence?: number | null;
  reason?: string | null;
  supplementReason?: string | null;
  excludedReason?: string | null;
  note?: string | null;
  documentNumber?: string | null;
  extensionDays?: number | null;
  effectiveDate?: string | null;
  refusalCode?: string | null;
  refusalMessage?: string | null;
  idempotencyKey?: string | null;
  /** Set when an admin recorded the action as a late entry (补录): why, on what evidence, for whom. */
  lateEntry?: AuditLateEntry | null;
}

export interface AuditLateEntry {
  reason: string;
  evidence: string | null;
  onBehalfOf: { role: string; department?: string; enterpriseId?: string; helper?: string };
}

/** One row of the trail as it is read back: the entry as recorded, flattened, with its id, correlation and time. */
export interface AuditRow {
  id: number;
  procedureId: string;
  projectCode: string;
  action: string;
  outcome: AuditOutcome;
  actor: string;
  actorRole: string;
  actorDepartment: string | null;
  actorEnterpriseId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  sequence: number | null;
  reason: string | null;
  supplementReason: string | null;
  excludedReason: string | null;
  note: string | null;
  documentNumber: string | null;
  extensionDays: number | null;
  effectiveDate: string | null;
  refusalCode: string | null;
  refusalMessage: string | null;
  idempotencyKey: string | null;
  correlationId: string | null;
  lateEntry: AuditLateEntry | null;
  recordedAt: Date;
}

const COLUMNS = `id::int AS id, procedure_id AS "procedureId", project_code AS "projectCode", action, outcome, actor, actor_role AS "actorRole",
  actor_department AS "actorDepartment", actor_enterprise_id AS "actorEnterpriseId", from_status AS "fromStatus", to_status AS "toStatus",
  sequence, reason, supplement_reason AS "supplementReason",
  excluded_reason AS "excludedReason", note, document_number AS "documentNumber", extension_days AS "extensionDays",
  effective_date::text AS "effectiveDate", refusal_code AS "refusalCode", refusal_message AS "refusalMessage",
  idempotency_key AS "idempotencyKey", correlation_id AS "correlationId", late_entry AS "lateEntry", recorded_at AS "recordedAt"`;

/** The append-only trail of every action and attempt (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(tx: Tx, entry: AuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO approval.audit_trail (procedure_id, project_code, action, outcome, actor, actor_role, actor_department, actor_enterprise_id,
         from_status, to_status, sequence, reason, supplement_reason, note, document_number, extension_days, effective_date,
         refusal_code, refusal_message, idempotency_key, correlation_id, late_entry, excluded_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
      [
        entry.procedureId,
        entry.projectCode,
        entry.action,
        entry.outcome,
        entry.actor.sub,
        entry.actor.role,
        entry.actor.department ?? null,
        entry.actor.enterpriseId ?? null,
        entry.fromStatus,
        entry.toStatus,
        entry.sequence ?? null,
        entry.reason ?? null,
        entry.supplementReason ?? null,
        entry.note ?? null,
        entry.documentNumber ?? null,
        entry.extensionDays ?? null,
        entry.effectiveDate ?? null,
        entry.refusalCode ?? null,
        entry.refusalMessage ?? null,
        entry.idempotencyKey ?? null,
        currentCorrelationId() ?? null,
        entry.lateEntry ? JSON.stringify(entry.lateEntry) : null,
        entry.excludedReason ?? null,
      ],
    );
  }

  /** One page of the trail of these procedures, oldest first; `appliedOnly` leaves out the attempts that changed nothing. */
  ofProcedures(procedureIds: string[], appliedOnly: boolean, query: PageQuery): Promise<Page<AuditRow>> {
    return queryPage<AuditRow>(
      this.dataSource,
      {
        columns: COLUMNS,
        from: `FROM approval.audit_trail WHERE procedure_id = ANY ($1::text[]) AND (NOT $2 OR outcome = 'APPLIED')`,
        orderBy: 'id',
        parameters: [procedureIds, appliedOnly],
      },
      query,
    );
  }
}
