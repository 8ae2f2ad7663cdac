import { ProcedureAction, type ExcludedPeriodReason } from '@banjie/contracts/enums';
import type { LocalDate } from '../calendar/local-date';
import { acceptanceReceivedOn } from './acceptance-window';
import type { ExcludedPeriod, TimelineFacts, TimelinePeriod } from './procedure-timeline';

/** One applied change of a procedure, as its audit trail records it (plan changes `open`/`replan` included). */
export interface AppliedChange {
  readonly action: string;
  readonly effectiveDate: LocalDate;
  /** For `extend`: the working days granted. */
  readonly extensionDays?: number | null;
  /** For `begin-excluded-period`: the art. 45 reason. */
  readonly excludedReason?: ExcludedPeriodReason | null;
}

/** The application a procedure had on a day, rebuilt from its applied changes. */
export interface ApplicationAsOf {
  /** 1 for the first submission, +1 for each re-application. */
  readonly applicationNumber: number;
  readonly facts: TimelineFacts;
  /** Accepted by law (art. 32) rather than by the department. */
  readonly deemedAccepted: boolean;
}

/** The applied changes do not describe an application the way the state machine makes one. */
export class InconsistentHistoryError extends Error {
  constructor(message: string) {
    super(`the procedure's history cannot be read as an application: ${message}`);
    this.name = 'InconsistentHistoryError';
  }
}

interface Draft {
  submittedOn: LocalDate;
  preAcceptanceSupplement: TimelinePeriod | null;
  acceptedOn: LocalDate | null;
  deemedAccepted: boolean;
  extensionWorkingDays: number;
  supplements: TimelinePeriod[];
  excludedPeriods: ExcludedPeriod[];
  endedOn: LocalDate | null;
}

const A = ProcedureAction;
const ENDING_ACTIONS: readonly string[] = [
  A.APPROVE,
  A.REFUSE,
  A.WITHDRAW,
  A.MARK_NOT_APPLICABLE,
  A.MARK_ALREADY_HELD,
];

function closeOpen<P extends TimelinePeriod>(periods: P[], on: LocalDate, what: string): P[] {
  const open = periods.findIndex((period) => period.to === null);
  if (open < 0) throw new InconsistentHistoryError(`${what} ends on ${on} but none is open`);
  return periods.map((period, index) => (index === open ? { ...period, to: on } : period));
}

/** What one change does to the open application (the state machine's transitions, seen as facts). */
function apply(draft: Draft, change: AppliedChange): Draft {
  const on = change.effectiveDate;
  const accepted = draft.acceptedOn !== null;
  switch (change.action) {
    case A.ACCEPT:
      return { ...draft, acceptedOn: on };
    case A.DEEM_ACCEPT: {
      const receivedOn = acceptanceReceivedOn(draft);
      if (receivedOn === null)
        throw new InconsistentHistoryError(`deemed accepted on ${on} while the supplement was owed`);
      return { ...draft, acceptedOn: receivedOn, deemedAccepted: true };
    }
    case A.REQUEST_SUPPLEMENT:
      return accepted
        ? { ...draft, supplements: [...draft.supplements, { from: on, to: null }] }
        : { ...draft, preAcceptanceSupplement: { from: on, to: null } };
    case A.RESUBMIT:
      if (accepted) return { ...draft, supplements: closeOpen(draft.supplements, on, 'a supplement') };
      if (draft.preAcceptanceSupplement === null)
        throw new InconsistentHistoryError(`resubmitted on ${on} with no supplement asked for`);
      return { ...draft, preAcceptanceSupplement: { ...draft.preAcceptanceSupplement, to: on } };
    case A.BEGIN_EXCLUDED_PERIOD:
      if (!change.excludedReason)
        throw new InconsistentHistoryError(`the excluded period begun on ${on} carries no reason`);
      return {
        ...draft,
        excludedPeriods: [...draft.excludedPeriods, { from: on, to: null, reason: change.excludedReason }],
      };
    case A.END_EXCLUDED_PERIOD:
      return { ...draft, excludedPeriods: closeOpen(draft.excludedPeriods, on, 'an excluded period') };
    case A.EXTEND:
      return { ...draft, extensionWorkingDays: draft.extensionWorkingDays + (change.extensionDays ?? 0) };
    default:
      return ENDING_ACTIONS.includes(change.action) ? { ...draft, endedOn: on } : draft;
  }
}

/**
 * The application a procedure had as of `asOf`: the latest submission on or before that day with
 * every applied change after it up to that day (changes dated later are not known yet). Null when
 * nothing was submitted by then. `changes` come in the trail's order (by sequence); an ended
 * application stays the answer until the next submission. `committedWorkingDays` is the limit the
 * application is held to (the record's).
 */
export function applicationAsOf(
  changes: readonly AppliedChange[],
  asOf: LocalDate,
  committedWorkingDays: number,
): ApplicationAsOf | null {
  let applicationNumber = 0;
  let draft: Draft | null = null;
  for (const change of changes) {
    if (change.effectiveDate > asOf) continue;
    if (change.action === A.SUBMIT) {
      applicationNumber += 1;
      draft = {
        submittedOn: change.effectiveDate,
        preAcceptanceSupplement: null,
        acceptedOn: null,
        deemedAccepted: false,
        extensionWorkingDays: 0,
        supplements: [],
        excludedPeriods: [],
        endedOn: null,
      };
    } else if (draft !== null && draft.endedOn === null) {
      draft = apply(draft, change);
    }
  }
  if (draft === null) return null;
  const { deemedAccepted, ...facts } = draft;
  return { applicationNumber, facts: { ...facts, committedWorkingDays }, deemedAccepted };
}
