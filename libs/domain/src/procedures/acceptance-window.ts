import type { LocalDate } from '../calendar/local-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** Administrative Licensing Law art. 32: five working days to accept, or to ask once for what is missing. */
export const DEFAULT_ACCEPTANCE_WORKING_DAYS = 5;
/** The longest acceptance window a catalogue entry or plan item may commit to. */
export const MAX_ACCEPTANCE_WORKING_DAYS = 20;

export class InvalidAcceptanceWindowError extends Error {
  constructor(message: string) {
    super(`invalid acceptance window: ${message}`);
    this.name = 'InvalidAcceptanceWindowError';
  }
}

export function validateAcceptanceWorkingDays(days: number): string | null {
  return Number.isInteger(days) && days >= 1 && days <= MAX_ACCEPTANCE_WORKING_DAYS
    ? null
    : `must be a whole number of working days from 1 to ${MAX_ACCEPTANCE_WORKING_DAYS}`;
}

export type AcceptanceWindowStatus = 'OPEN' | 'CLOSING_SOON' | 'LAPSED';

/**
 * The acceptance clock (受理时限) of one submission: complete materials received on `receivedOn`
 * (the submission day, or the day a pre-acceptance supplement was delivered) must be accepted,
 * refused, or answered with one complete list of what is missing (一次性告知) within
 * `windowWorkingDays` working days. Like every limit here the day of receipt does not count: the
 * window closes at the end of the N-th working day after it. When it lapses with no decision the
 * application counts as accepted from the day of receipt (deemed acceptance).
 */
export class AcceptanceWindow {
  readonly closesOn: LocalDate;

  constructor(
    readonly receivedOn: LocalDate,
    readonly windowWorkingDays: number,
    calendar: WorkingDayCalendar,
  ) {
    const fault = validateAcceptanceWorkingDays(windowWorkingDays);
    if (fault !== null) throw new InvalidAcceptanceWindowError(`windowWorkingDays ${fault}`);
    this.closesOn = calendar.addWorkingDays(receivedOn, windowWorkingDays);
  }

  /** Working days left to decide as of the end of `asOf`: N on the day of receipt, 0 on the last day, negative once lapsed. */
  remainingWorkingDays(asOf: LocalDate, calendar: WorkingDayCalendar): number {
    return this.windowWorkingDays - Math.max(0, calendar.workingDaysBetween(this.receivedOn, asOf));
  }

  /** Whether the window has lapsed by `asOf`: a day after its last day has begun with no decision. */
  hasLapsed(asOf: LocalDate): boolean {
    return asOf > this.closesOn;
  }

  status(
    asOf: LocalDate,
    closingSoonWorkingDays: number,
    calendar: WorkingDayCalendar,
  ): AcceptanceWindowStatus {
    if (this.hasLapsed(asOf)) return 'LAPSED';
    return this.remainingWorkingDays(asOf, calendar) <= closingSoonWorkingDays ? 'CLOSING_SOON' : 'OPEN';
  }

  /** The acceptance day art. 32 deems: the day the materials were received. */
  get deemedAcceptedOn(): LocalDate {
    return this.receivedOn;
  }
}

/** What decides where a submission's acceptance window starts. */
export interface SubmissionFacts {
  readonly submittedOn: string | null;
  /** The supplement asked for before acceptance (一次性告知) and the day it was delivered (null while owed). */
  readonly preAcceptanceSupplement?: { readonly to: string | null } | null;
}

/**
 * The day the complete materials were received, from which the acceptance window counts: the day
 * the supplement asked for before acceptance was delivered, else the submission day. Null before
 * any submission and while the applicant still owes the supplement (the window stands still).
 */
export function acceptanceReceivedOn(facts: SubmissionFacts): LocalDate | null {
  const supplement = facts.preAcceptanceSupplement ?? null;
  if (supplement !== null) return supplement.to as LocalDate | null;
  return facts.submittedOn as LocalDate | null;
}
