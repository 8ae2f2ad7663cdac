import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ReminderSentV1, type DeadlineRecipient, type DepartmentCode } from '@banjie/contracts';
import { appendToOutbox, faultPoint, FaultPoints, Transactions } from '@banjie/platform';
import type { RungNotice } from '@banjie/workflows';
import { ReminderRepository } from './reminder.repository';

/** A reached reminder rung, addressed and explained. */
export type ReminderRecord = Omit<RungNotice, 'kind' | 'audience' | 'correlationId'> & {
  recipients: DeadlineRecipient[];
  reason: string;
};

@Injectable()
export class ReminderService {
  constructor(
    private readonly transactions: Transactions,
    private readonly ledger: ReminderRepository,
  ) {}

  /** Records a reminder once per (subject, rung) and publishes it in the same transaction; null if it was already sent. */
  async send(record: ReminderRecord, sentAt: Date = new Date()): Promise<string | null> {
    return this.transactions.run(async (tx) => {
      const id = randomUUID();
      const inserted = await this.ledger.insertOnce(tx, {
        id,
        subject: record.subject,
        rung: record.rung,
        projectCode: record.projectCode,
        procedureId: record.procedureId,
        applicationNumber: record.applicationNumber,
        department: record.department,
        dueDate: record.dueDate,
        remainingWorkingDays: record.remainingWorkingDays,
        recipients: record.recipients,
        reason: record.reason,
        sentAt,
      });
      if (!inserted) return null;
      await appendToOutbox(tx, ReminderSentV1, record.projectCode, {
        reminderId: id,
        ...record,
        department: record.department as DepartmentCode,
        sentAt: sentAt.toISOString(),
      });
      faultPoint(FaultPoints.BEFORE_COMMIT);
      return id;
    });
  }
}
