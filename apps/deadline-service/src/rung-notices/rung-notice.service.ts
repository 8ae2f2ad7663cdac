import { Injectable } from '@nestjs/common';
import type { DeadlineRecipient } from '@banjie/contracts';
import { shanghaiLocalDate } from '@banjie/domain';
import type { RungNotice } from '@banjie/workflows';
import { Transactions } from '@banjie/platform';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { ProcedureProjectionRepository } from '../procedures/procedure-projection.repository';
import { EscalationService } from '../escalations/escalation.service';
import { ProcedureContactsRepository } from './procedure-contacts.repository';
import { ReminderService } from './reminder.service';
import { describeAcceptanceNotice, describeRungNotice, remainingOnRaisingDay } from './rung-notice-text';

interface Contacts {
  helpers: string[];
  leadingOfficial: string | null;
}

/** Turns a rung of a procedure's ladder into a recorded reminder or escalation, addressed to the right people. */
@Injectable()
export class RungNoticeService {
  constructor(
    private readonly contactBook: ProcedureContactsRepository,
    private readonly reminders: ReminderService,
    private readonly escalations: EscalationService,
    private readonly calendars: DeadlineCalendar,
    private readonly projection: ProcedureProjectionRepository,
    private readonly transactions: Transactions,
  ) {}

  /** True when this call recorded the rung; false when it already had been (a retried activity). */
  async send(notice: RungNotice, now: Date = new Date()): Promise<boolean> {
    const contacts = await this.contacts(notice.procedureId, notice.projectCode);
    const recipients = recipientsFor(notice, contacts);
    const raisedOn = shanghaiLocalDate(now);
    const reason = notice.acceptance
      ? describeAcceptanceNotice({ ...notice, acceptance: notice.acceptance })
      : describeRungNotice(
          notice,
          raisedOn,
          remainingOnRaisingDay(notice, raisedOn, this.calendars.calendar),
        );
    if (notice.kind === 'REMINDER') {
      const {
        kind: _kind,
        audience: _audience,
        correlationId: _correlationId,
        acceptance: _acceptance,
        ...fields
      } = notice;
      return (await this.reminders.send({ ...fields, recipients, reason })) !== null;
    }
    const id = await this.escalations.raise({
      subject: notice.subject,
      rung: notice.rung,
      projectCode: notice.projectCode,
      procedureId: notice.procedureId,
      applicationNumber: notice.applicationNumber,
      department: notice.department,
      dueDate: notice.dueDate,
      ...(notice.provisional !== undefined ? { provisional: notice.provisional } : {}),
      recipients,
      reason,
    });
    if (id !== null) await this.withdrawIfAlreadyCompletedInTime(notice);
    return id !== null;
  }

  /**
   * The approval may have been projected just before this escalation was recorded (the workflow
   * had already set out to raise it): then it is withdrawn at once, as the projection would have.
   */
  private async withdrawIfAlreadyCompletedInTime(notice: RungNotice): Promise<void> {
    const procedure = await this.projection.find(notice.procedureId);
    if (procedure?.applicationNumber !== notice.applicationNumber) return;
    await this.transactions.run((tx) => this.escalations.withdrawRaisedInError(tx, procedure));
  }

  /** The project's helpers (logins from the approval events and the project directory) and its chain's leading official. */
  private async contacts(procedureId: string, projectCode: string): Promise<Contacts> {
    const row = await this.contactBook.findContacts(procedureId, projectCode);
    const logins = [
      ...(row.procedureHelpers ?? []),
      ...(row.directoryHelpers ?? []).flatMap((h) => (h.userId ? [h.userId] : [])),
    ];
    return { helpers: [...new Set(logins)], leadingOfficial: row.leadingOfficial };
  }
}

export function recipientsFor(
  notice: Pick<RungNotice, 'audience' | 'department'>,
  contacts: Contacts,
): DeadlineRecipient[] {
  switch (notice.audience) {
    case 'DEPARTMENT_AND_HELPERS':
      return [
        { kind: 'DEPARTMENT', id: notice.department },
        ...contacts.helpers.map((id): DeadlineRecipient => ({ kind: 'HELPER', id })),
      ];
    case 'SUPERVISORS':
      return [{ kind: 'SUPERVISORS' }];
    case 'LEADING_OFFICIAL':
      return contacts.leadingOfficial
        ? [{ kind: 'LEADING_OFFICIAL', id: contacts.leadingOfficial }, { kind: 'SUPERVISORS' }]
        : [{ kind: 'SUPERVISORS' }];
  }
}
