import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AtRiskProcedure, DeadlineRecipient } from '@banjie/contracts';
import { queryPage, type Page, type PageQuery, type Tx } from '@banjie/platform';

/** `withdrawn`: raised in error (its procedure was completed in time), kept for the record. */
export type EscalationStatus = 'open' | 'acknowledged' | 'withdrawn';

/** A row of the escalation ledger `deadline.escalations`, unique on (subject, rung). */
export interface EscalationRow {
  id: string;
  subject: string;
  rung: string;
  projectCode: string;
  procedureId: string | null;
  applicationNumber: number | null;
  department: string | null;
  dueDate: string | null;
  recipients: DeadlineRecipient[];
  reason: string;
  atRisk: AtRiskProcedure[] | null;
  followUpOf: string | null;
  status: EscalationStatus;
  raisedAt: Date;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

export type NewEscalationRow = Omit<
  EscalationRow,
  'status' | 'acknowledgedBy' | 'acknowledgedAt' | 'withdrawnAt' | 'withdrawnReason'
>;

/** An open escalation due for its follow-up, with the leading official of its project's chain. */
export type UnacknowledgedEscalationRow = Pick<
  EscalationRow,
  | 'id'
  | 'subject'
  | 'rung'
  | 'projectCode'
  | 'procedureId'
  | 'applicationNumber'
  | 'department'
  | 'dueDate'
  | 'recipients'
  | 'raisedAt'
> & { leadingOfficial: string | null };

export interface EscalationFilter {
  status?: EscalationStatus;
  rung?: string;
  department?: string;
  project?: string;
}

const COLUMNS = `id, subject, rung, project_code AS "projectCode", procedure_id AS "procedureId",
  application_number AS "applicationNumber", department, due_date::text AS "dueDate", recipients, reason,
  at_risk AS "atRisk", follow_up_of AS "followUpOf", status, raised_at AS "raisedAt",
  acknowledged_by AS "acknowledgedBy", acknowledged_at AS "acknowledgedAt",
  withdrawn_at AS "withdrawnAt", withdrawn_reason AS "withdrawnReason"`;

@Injectable()
export class EscalationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts an open escalation unless its (subject, rung) stands already (a withdrawn one does not); true when inserted. */
  async insertOnce(tx: Tx, e: NewEscalationRow): Promise<boolean> {
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO deadline.escalations (id, subject, rung, project_code, procedure_id, application_number, department, due_date,
         recipients, reason, at_risk, follow_up_of, status, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        e.id,
        e.subject,
        e.rung,
        e.projectCode,
        e.procedureId,
        e.applicationNumber,
        e.department,
        e.dueDate,
        JSON.stringify(e.recipients),
        e.reason,
        e.atRisk === null ? null : JSON.stringify(e.atRisk),
        e.followUpOf,
        e.raisedAt,
      ],
    );
    return inserted.length > 0;
  }

  /** One page of the escalations matching the filter, oldest first. */
  list(filter: EscalationFilter, query: PageQuery): Promise<Page<EscalationRow>> {
    return queryPage<EscalationRow>(
      this.dataSource,
      {
        columns: COLUMNS,
        from: `FROM deadline.escalations
          WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR rung = $2)
            AND ($3::text IS NULL OR department = $3) AND ($4::text IS NULL OR project_code = $4)`,
        orderBy: 'raised_at, id',
        parameters: [
          filter.status ?? null,
          filter.rung ?? null,
          filter.department ?? null,
          filter.project ?? null,
        ],
      },
      query,
    );
  }

  /** The escalation, locked until the transaction ends. */
  async findForUpdate(tx: Tx, id: string): Promise<EscalationRow | undefined> {
    const [row]: EscalationRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM deadline.escalations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async markAcknowledged(tx: Tx, id: string, by: string, at: Date): Promise<EscalationRow> {
    const [rows]: [EscalationRow[], number] = await tx.query(
      `UPDATE deadline.escalations SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, by, at],
    );
    return rows[0]!;
  }

  /** The escalations of a subject not withdrawn yet, locked until the transaction ends. */
  findStandingForUpdate(tx: Tx, subject: string): Promise<EscalationRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM deadline.escalations WHERE subject = $1 AND status <> 'withdrawn' ORDER BY raised_at, id FOR UPDATE`,
      [subject],
    );
  }

  async markWithdrawn(tx: Tx, id: string, at: Date, reason: string): Promise<void> {
    await tx.query(
      `UPDATE deadline.escalations SET status = 'withdrawn', withdrawn_at = $2, withdrawn_reason = $3 WHERE id = $1`,
      [id, at, reason],
    );
  }

  /** Open escalations raised at or before `raisedBefore` that are not follow-ups and have none yet, oldest first. */
  findUnacknowledged(raisedBefore: Date): Promise<UnacknowledgedEscalationRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.subject, e.rung, e.project_code AS "projectCode", e.procedure_id AS "procedureId",
              e.application_number AS "applicationNumber", e.department, e.due_date::text AS "dueDate",
              e.recipients, e.raised_at AS "raisedAt", d.leading_official AS "leadingOfficial"
         FROM deadline.escalations e
         LEFT JOIN deadline.project_directory d ON d.code = e.project_code
        WHERE e.status = 'open' AND e.follow_up_of IS NULL AND e.raised_at <= $1
          AND NOT EXISTS (SELECT 1 FROM deadline.escalations f WHERE f.follow_up_of = e.id)
        ORDER BY e.raised_at`,
      [raisedBefore],
    );
  }
}
