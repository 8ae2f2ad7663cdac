import { Injectable } from '@nestjs/common';
import type { DeadlineRecipient } from '@banjie/contracts';
import type { Tx } from '@banjie/platform';

/** A row of the reminder ledger `deadline.reminders`, unique on (subject, rung). */
export interface ReminderRow {
  id: string;
  subject: string;
  rung: string;
  projectCode: string;
  procedureId: string;
  applicationNumber: number;
  department: string;
  dueDate: string;
  remainingWorkingDays: number;
  recipients: DeadlineRecipient[];
  reason: string;
  sentAt: Date;
}

@Injectable()
export class ReminderRepository {
  /** Inserts the reminder unless its (subject, rung) was sent already; true when inserted. */
  async insertOnce(tx: Tx, r: ReminderRow): Promise<boolean> {
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO deadline.reminders (id, subject, rung, project_code, procedure_id, application_number, department, due_date,
                                       remaining_working_days, recipients, reason, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (subject, rung) DO NOTHING RETURNING id`,
      [
        r.id,
        r.subject,
        r.rung,
        r.projectCode,
        r.procedureId,
        r.applicationNumber,
        r.department,
        r.dueDate,
        r.remainingWorkingDays,
        JSON.stringify(r.recipients),
        r.reason,
        r.sentAt,
      ],
    );
    return inserted.length > 0;
  }
}
