import { ProcedureStatus } from '@banjie/contracts';
import {
  acceptanceReceivedOn,
  AcceptanceWindow,
  parseLocalDate,
  type AcceptanceWindowStatus,
  type WorkingDayCalendar,
} from '@banjie/domain';
import { withCalendar } from './procedure-clock';
import type { ProcedureRecord, StoredPreAcceptanceSupplement } from './procedure.record';

/**
 * The acceptance window (受理时限, art. 32) of the current submission while it waits for the
 * department: none before a submission, once decided, and while the applicant owes the supplement
 * asked for before acceptance (the window stands still). Throws CalendarNotCoveredError when the
 * calendar cannot count it.
 */
export function acceptanceWindowOf(
  record: ProcedureRecord,
  calendar: WorkingDayCalendar,
): AcceptanceWindow | null {
  if (record.status !== ProcedureStatus.SUBMITTED) return null;
  const receivedOn = acceptanceReceivedOn(record);
  if (receivedOn === null) return null;
  return new AcceptanceWindow(parseLocalDate(receivedOn), record.acceptanceWorkingDays, calendar);
}

/** The window's last day, as the public snapshot carries it: null when there is none or the calendar cannot count it. */
export function acceptanceDueDateOf(record: ProcedureRecord, calendar: WorkingDayCalendar): string | null {
  return withCalendar(() => acceptanceWindowOf(record, calendar)?.closesOn ?? null).value;
}

/** Where a submission stands against its window; UNKNOWN when the calendar cannot count it. */
export type AcceptanceStatus = AcceptanceWindowStatus | 'SUPPLEMENT_REQUESTED' | 'UNKNOWN';

export interface AcceptanceReading {
  /** The day the complete materials were received (submission, or delivery of the supplement); null while it is owed. */
  receivedOn: string | null;
  windowWorkingDays: number;
  dueDate: string | null;
  /** As of the reading's day: the window's working days left (0 on its last day, negative once lapsed). */
  remainingWorkingDays: number | null;
  status: AcceptanceStatus;
  preAcceptanceSupplement: StoredPreAcceptanceSupplement | null;
}

/** The acceptance window of a SUBMITTED procedure as of `asOf` (null in any other status). */
export function readAcceptance(
  record: ProcedureRecord,
  asOf: string,
  closingSoonWorkingDays: number,
  calendar: WorkingDayCalendar,
): AcceptanceReading | null {
  if (record.status !== ProcedureStatus.SUBMITTED) return null;
  const common = {
    receivedOn: acceptanceReceivedOn(record),
    windowWorkingDays: record.acceptanceWorkingDays,
    preAcceptanceSupplement: record.preAcceptanceSupplement,
  };
  const reading = withCalendar(() => {
    const window = acceptanceWindowOf(record, calendar);
    if (window === null) return null;
    const day = parseLocalDate(asOf);
    return {
      dueDate: window.closesOn,
      remainingWorkingDays: window.remainingWorkingDays(day, calendar),
      status: window.status(day, closingSoonWorkingDays, calendar),
    };
  });
  if (reading.unavailable !== null)
    return { ...common, dueDate: null, remainingWorkingDays: null, status: 'UNKNOWN' };
  return reading.value === null
    ? { ...common, dueDate: null, remainingWorkingDays: null, status: 'SUPPLEMENT_REQUESTED' }
    : { ...common, ...reading.value };
}
