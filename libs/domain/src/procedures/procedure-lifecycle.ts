import { ProcedureAction, ProcedureStatus } from '@banjie/contracts/enums';

/**
 * The procedure lifecycle's vocabulary, in one place for every service: which statuses form which
 * class (whose turn it is, whether the department's clock runs) and what each action does to that
 * clock. The transitions themselves are in procedure-state-machine.ts.
 */

const S = ProcedureStatus;
const A = ProcedureAction;

/** Where a procedure stands, seen from its working-day clock. */
export type ProcedureStatusClass =
  /** Nothing applied for yet. */
  | 'NOT_APPLIED'
  /** Applied for; the department has not accepted it yet. */
  | 'AWAITING_ACCEPTANCE'
  /** Accepted: the department's working-day clock runs. */
  | 'CLOCK_RUNNING'
  /** Accepted, then a supplement was requested: the clock stands paused. */
  | 'CLOCK_PAUSED'
  /** The application was refused or withdrawn; the applicant may apply again. */
  | 'APPLICATION_ENDED'
  /** Done for good: approved, not applicable, or a document already held. */
  | 'COMPLETED';

const CLASS_OF_STATUS: Readonly<Record<ProcedureStatus, ProcedureStatusClass>> = {
  [S.PLANNED]: 'NOT_APPLIED',
  [S.SUBMITTED]: 'AWAITING_ACCEPTANCE',
  [S.ACCEPTED]: 'CLOCK_RUNNING',
  [S.SUPPLEMENT_REQUESTED]: 'CLOCK_PAUSED',
  [S.REFUSED]: 'APPLICATION_ENDED',
  [S.WITHDRAWN]: 'APPLICATION_ENDED',
  [S.APPROVED]: 'COMPLETED',
  [S.NOT_APPLICABLE]: 'COMPLETED',
  [S.ALREADY_HELD]: 'COMPLETED',
};

export function statusClassOf(status: ProcedureStatus): ProcedureStatusClass {
  return CLASS_OF_STATUS[status];
}

function statusesOf(...classes: ProcedureStatusClass[]): readonly ProcedureStatus[] {
  return Object.freeze(
    (Object.keys(CLASS_OF_STATUS) as ProcedureStatus[]).filter((status) =>
      classes.includes(CLASS_OF_STATUS[status]),
    ),
  );
}

/** Statuses in which the department's working-day clock runs or stands paused (an accepted application). */
export const CLOCK_STATUSES = statusesOf('CLOCK_RUNNING', 'CLOCK_PAUSED');
/** Statuses that end one application: refused, withdrawn, or the procedure completed. */
export const APPLICATION_END_STATUSES = statusesOf('APPLICATION_ENDED', 'COMPLETED');
/** Statuses that complete the procedure for good (the completion rate's numerator). */
export const COMPLETED_STATUSES = statusesOf('COMPLETED');

export function hasClock(status: ProcedureStatus): boolean {
  return CLOCK_STATUSES.includes(status);
}

export function endsApplication(status: ProcedureStatus): boolean {
  return APPLICATION_END_STATUSES.includes(status);
}

/** What an action does to the department's working-day clock. */
export type ClockEffect =
  /** A new application: any previous clock is gone, none runs until acceptance. */
  | 'NEW_APPLICATION'
  | 'START'
  /** A supplement request or an art. 45 period (before acceptance: the acceptance window stands still). */
  | 'PAUSE'
  | 'RESUME'
  /** The limit grows by the extension's working days. */
  | 'EXTEND'
  /** The application ends (completed, refused, withdrawn, not applicable …). */
  | 'END';

export const CLOCK_EFFECT_OF_ACTION: Readonly<Record<ProcedureAction, ClockEffect>> = {
  [A.SUBMIT]: 'NEW_APPLICATION',
  [A.ACCEPT]: 'START',
  [A.REQUEST_SUPPLEMENT]: 'PAUSE',
  [A.RESUBMIT]: 'RESUME',
  [A.EXTEND]: 'EXTEND',
  [A.APPROVE]: 'END',
  [A.REFUSE]: 'END',
  [A.WITHDRAW]: 'END',
  [A.MARK_NOT_APPLICABLE]: 'END',
  [A.MARK_ALREADY_HELD]: 'END',
  [A.DEEM_ACCEPT]: 'START',
  [A.BEGIN_EXCLUDED_PERIOD]: 'PAUSE',
  [A.END_EXCLUDED_PERIOD]: 'RESUME',
};
