import { Injectable } from '@nestjs/common';
import type { PublicProcedureFields } from '@banjie/contracts';
import {
  AcceptanceWindow,
  CalendarNotCoveredError,
  DEFAULT_ACCEPTANCE_WORKING_DAYS,
  InvalidAcceptanceWindowError,
  type LocalDate,
} from '@banjie/domain';
import { acceptanceSubject } from '@banjie/workflows';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { RungNoticeService } from '../rung-notices/rung-notice.service';

export const DEEMED_ACCEPTED_RUNG = 'deemed-accepted';

/** A snapshot of an application the department never decided on in time, deemed accepted as of the day of receipt (art. 32). */
export type DeemedAcceptance = PublicProcedureFields & { acceptedOn: string; deemedAccepted: true };

export const isDeemedAcceptance = (snapshot: PublicProcedureFields): snapshot is DeemedAcceptance =>
  snapshot.deemedAccepted === true && snapshot.acceptedOn !== null;

/** Tells the supervisors, once per application (the escalation ledger), that an application was deemed accepted. */
@Injectable()
export class DeemedAcceptanceNotice {
  constructor(
    private readonly notices: RungNoticeService,
    private readonly calendars: DeadlineCalendar,
  ) {}

  /** True when this call recorded the notice; false when it had been already (news delivered again). */
  tell(snapshot: DeemedAcceptance, correlationId: string): Promise<boolean> {
    const receivedOn = snapshot.acceptedOn as LocalDate;
    const windowWorkingDays = snapshot.acceptanceWorkingDays ?? DEFAULT_ACCEPTANCE_WORKING_DAYS;
    const calendar = this.calendars.calendar;
    let window: { dueDate: string; remainingWorkingDays: number; provisional: boolean };
    try {
      const counted = new AcceptanceWindow(receivedOn, windowWorkingDays, calendar);
      window = {
        dueDate: counted.closesOn,
        remainingWorkingDays: counted.remainingWorkingDays(snapshot.effectiveDate as LocalDate, calendar),
        provisional: calendar.provisionalBetween(receivedOn, counted.closesOn),
      };
    } catch (error) {
      // A window the calendar cannot count still deserves the notice: it names the day of receipt.
      if (!(error instanceof InvalidAcceptanceWindowError || error instanceof CalendarNotCoveredError))
        throw error;
      window = { dueDate: receivedOn, remainingWorkingDays: 0, provisional: false };
    }
    return this.notices.send({
      subject: acceptanceSubject(snapshot.procedureId, snapshot.applicationNumber),
      rung: DEEMED_ACCEPTED_RUNG,
      kind: 'ESCALATION',
      audience: 'SUPERVISORS',
      projectCode: snapshot.projectCode,
      procedureId: snapshot.procedureId,
      applicationNumber: snapshot.applicationNumber,
      department: snapshot.department,
      ...window,
      calendarVersion: calendar.version,
      acceptance: { receivedOn, windowWorkingDays },
      correlationId,
    });
  }
}
