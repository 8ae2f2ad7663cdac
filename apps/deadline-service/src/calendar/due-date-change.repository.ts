import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DueDateChangedV1, type DeadlineRecipient, type DepartmentCode } from '@banjie/contracts';
import { appendToOutbox, type Tx } from '@banjie/platform';
import { describeDueDateChange, type DueDateChange } from './due-date-changes';

/** The department and the helpers are told of each moved due date once per calendar version (ledger + outbox, one transaction). */
/** A row of the ledger `deadline.due_date_changes`, as `GET /clocks/:procedureId` lists it. */
export interface DueDateChangeRow {
  id: string;
  applicationNumber: number;
  calendarVersion: number;
  previousDueDate: string | null;
  previousProvisional: boolean;
  dueDate: string | null;
  provisional: boolean;
  reason: string;
  sentAt: Date;
}

@Injectable()
export class DueDateChangeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    tx: Tx,
    change: DueDateChange,
    calendarVersion: number,
    sentAt: Date = new Date(),
  ): Promise<boolean> {
    const p = change.procedure;
    const id = randomUUID();
    const reason = describeDueDateChange(change, calendarVersion);
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO deadline.due_date_changes (id, procedure_id, application_number, calendar_version, project_code, department,
         previous_due_date, previous_provisional, due_date, provisional, reason, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (procedure_id, application_number, calendar_version) DO NOTHING RETURNING id`,
      [
        id,
        p.procedureId,
        p.applicationNumber,
        calendarVersion,
        p.projectCode,
        p.department,
        change.previous.dueDate,
        change.previous.provisional,
        change.current.dueDate,
        change.current.provisional,
        reason,
        sentAt,
      ],
    );
    if (inserted.length === 0) return false;
    const recipients: DeadlineRecipient[] = [
      { kind: 'DEPARTMENT', id: p.department },
      ...p.helpers.map((login): DeadlineRecipient => ({ kind: 'HELPER', id: login })),
    ];
    await appendToOutbox(tx, DueDateChangedV1, p.projectCode, {
      noticeId: id,
      projectCode: p.projectCode,
      procedureId: p.procedureId,
      applicationNumber: p.applicationNumber,
      department: p.department as DepartmentCode,
      previousDueDate: change.previous.dueDate,
      previousProvisional: change.previous.provisional,
      dueDate: change.current.dueDate,
      provisional: change.current.provisional,
      calendarVersion,
      recipients,
      reason,
      sentAt: sentAt.toISOString(),
    });
    return true;
  }

  /** Oldest first. */
  list(procedureId: string): Promise<DueDateChangeRow[]> {
    return this.dataSource.query(
      `SELECT id, application_number AS "applicationNumber", calendar_version AS "calendarVersion", previous_due_date::text AS "previousDueDate",
              previous_provisional AS "previousProvisional", due_date::text AS "dueDate", provisional, reason, sent_at AS "sentAt"
         FROM deadline.due_date_changes WHERE procedure_id = $1 ORDER BY sent_at, calendar_version`,
      [procedureId],
    );
  }
}
