import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReminderSentV1, type DeadlineRecipient, type DepartmentCode } from '@banjie/contracts';
import { appendToOutbox, faultPoint, FaultPoints } from '@banjie/platform';
import type { RungNotice } from '@banjie/workflows';

/** A reached reminder rung, addressed and explained. */
export type ReminderRecord = Omit<RungNotice, 'kind' | 'audience' | 'correlationId'> & {
  recipients: DeadlineRecipient[];
  reason: string;
};

@Injectable()
export class ReminderService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a reminder once per (subject, rung) and publishes it in the same transaction; null if it was already sent. */
  async send(record: ReminderRecord, sentAt: Date = new Date()): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO deadline.reminders (id, subject, rung, project_code, procedure_id, application_number, department, due_date,
                                         remaining_working_days, recipients, reason, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (subject, rung) DO NOTHING RETURNING id`,
        [
          id,
          record.subject,
          record.rung,
          record.projectCode,
          record.procedureId,
          record.applicationNumber,
          record.department,
          record.dueDate,
          record.remainingWorkingDays,
          JSON.stringify(record.recipients),
          record.reason,
          sentAt,
        ],
      );
      if (inserted.length === 0) return null;
      await appendToOutbox(manager, ReminderSentV1, record.projectCode, {
        reminderId: id,
        ...record,
        department: record.department as DepartmentCode,
        sentAt: sentAt.toISOString(),
      });
      faultPoint(FaultPoints.BEFORE_COMMIT);
      return id;
    });
  }

  list(procedureId: string) {
    return this.dataSource.query(
      `SELECT id, subject, rung, project_code AS "projectCode", procedure_id AS "procedureId", application_number AS "applicationNumber",
              department, due_date::text AS "dueDate", remaining_working_days AS "remainingWorkingDays", recipients, reason, sent_at AS "sentAt"
         FROM deadline.reminders WHERE procedure_id = $1 ORDER BY sent_at, id`,
      [procedureId],
    );
  }
}
