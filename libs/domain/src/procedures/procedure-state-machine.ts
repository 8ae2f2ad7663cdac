import { PROCEDURE_ACTIONS, ProcedureAction, ProcedureStatus } from '@banjie/contracts/enums';
import { MAX_EXTENSIONS } from './procedure-catalogue';
import { COMPLETED_STATUSES } from './procedure-lifecycle';

/** A period with a start and, once over, an end (dates YYYY-MM-DD). */
interface OpenOrClosedPeriod {
  readonly from: string;
  readonly to: string | null;
}

export interface ProcedureMachineState {
  readonly status: ProcedureStatus;
  /** Extensions granted to the current application. */
  readonly extensionsUsed: number;
  /** The supplement asked for before acceptance of the current submission (一次性告知: once). */
  readonly preAcceptanceSupplement?: OpenOrClosedPeriod | null;
  /** The clock's pauses since acceptance; one with `excludedReason` is an art. 45 period. */
  readonly pauses?: readonly (OpenOrClosedPeriod & { readonly excludedReason?: string })[];
}

export type ProcedureDecision =
  | {
      readonly ok: true;
      readonly next: ProcedureStatus;
      /** The extension count after the action: +1 on extend, 0 when a new application starts. */
      readonly extensionsUsed: number;
      /** True when the action starts a new application (re-application after refusal or withdrawal). */
      readonly newApplication: boolean;
    }
  | {
      readonly ok: false;
      readonly reason:
        | 'NOT_ALLOWED_FROM_STATUS'
        | 'EXTENSION_ALREADY_USED'
        /** 一次性告知: what is missing is asked for once per submission, completely. */
        | 'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED';
      /** The actions that are allowed from the current state. */
      readonly allowed: ProcedureAction[];
    };

const S = ProcedureStatus;
const A = ProcedureAction;

const TRANSITIONS: Readonly<Record<ProcedureStatus, Partial<Record<ProcedureAction, ProcedureStatus>>>> = {
  [S.PLANNED]: {
    [A.SUBMIT]: S.SUBMITTED,
    [A.MARK_NOT_APPLICABLE]: S.NOT_APPLICABLE,
    [A.MARK_ALREADY_HELD]: S.ALREADY_HELD,
  },
  // Within the acceptance window: accept, refuse (不予受理), or ask once for what is missing.
  [S.SUBMITTED]: {
    [A.ACCEPT]: S.ACCEPTED,
    [A.DEEM_ACCEPT]: S.ACCEPTED,
    [A.REQUEST_SUPPLEMENT]: S.SUBMITTED,
    [A.REFUSE]: S.REFUSED,
    [A.WITHDRAW]: S.WITHDRAWN,
    [A.MARK_NOT_APPLICABLE]: S.NOT_APPLICABLE,
  },
  [S.ACCEPTED]: {
    [A.REQUEST_SUPPLEMENT]: S.SUPPLEMENT_REQUESTED,
    [A.BEGIN_EXCLUDED_PERIOD]: S.ACCEPTED,
    [A.APPROVE]: S.APPROVED,
    [A.REFUSE]: S.REFUSED,
    [A.EXTEND]: S.ACCEPTED,
    [A.WITHDRAW]: S.WITHDRAWN,
  },
  [S.SUPPLEMENT_REQUESTED]: {
    [A.RESUBMIT]: S.ACCEPTED,
    [A.EXTEND]: S.SUPPLEMENT_REQUESTED,
    [A.WITHDRAW]: S.WITHDRAWN,
  },
  // Refusal and withdrawal end one application, not the procedure: the applicant may apply again.
  [S.REFUSED]: { [A.SUBMIT]: S.SUBMITTED },
  [S.WITHDRAWN]: { [A.SUBMIT]: S.SUBMITTED },
  [S.APPROVED]: {},
  [S.NOT_APPLICABLE]: {},
  [S.ALREADY_HELD]: {},
};

/** Statuses no action leaves: the procedure completed for good. */
export const TERMINAL_PROCEDURE_STATUSES = COMPLETED_STATUSES;

export function isTerminalProcedureStatus(status: ProcedureStatus): boolean {
  return TERMINAL_PROCEDURE_STATUSES.includes(status);
}

/** While the applicant owes the supplement asked for before acceptance, only the applicant moves (or the plan drops the procedure). */
const AWAITING_PRE_ACCEPTANCE_SUPPLEMENT: Partial<Record<ProcedureAction, ProcedureStatus>> = {
  [A.RESUBMIT]: S.SUBMITTED,
  [A.WITHDRAW]: S.WITHDRAWN,
  [A.MARK_NOT_APPLICABLE]: S.NOT_APPLICABLE,
};

/** During an art. 45 period: end it, or decide (which ends it); no supplement request on top of it. */
const IN_EXCLUDED_PERIOD: Partial<Record<ProcedureAction, ProcedureStatus>> = {
  [A.END_EXCLUDED_PERIOD]: S.ACCEPTED,
  [A.APPROVE]: S.APPROVED,
  [A.REFUSE]: S.REFUSED,
  [A.EXTEND]: S.ACCEPTED,
  [A.WITHDRAW]: S.WITHDRAWN,
};

const preAcceptanceSupplementOpen = (state: ProcedureMachineState): boolean =>
  state.status === S.SUBMITTED && state.preAcceptanceSupplement?.to === null;

/** Whether an art. 45 period of the accepted application is open. */
export function excludedPeriodOpen(state: Pick<ProcedureMachineState, 'status' | 'pauses'>): boolean {
  return (
    state.status === S.ACCEPTED &&
    (state.pauses ?? []).some((pause) => pause.to === null && pause.excludedReason !== undefined)
  );
}

function transitionsOf(state: ProcedureMachineState): Partial<Record<ProcedureAction, ProcedureStatus>> {
  if (preAcceptanceSupplementOpen(state)) return AWAITING_PRE_ACCEPTANCE_SUPPLEMENT;
  if (excludedPeriodOpen(state)) return IN_EXCLUDED_PERIOD;
  return TRANSITIONS[state.status];
}

/** A second supplement request before acceptance of the same submission (一次性告知 is once). */
const preAcceptanceSupplementUsed = (state: ProcedureMachineState, action: ProcedureAction): boolean =>
  action === A.REQUEST_SUPPLEMENT &&
  state.status === S.SUBMITTED &&
  state.preAcceptanceSupplement !== undefined &&
  state.preAcceptanceSupplement !== null;

/** The actions allowed from this state, in the contracts' order. */
export function allowedActions(current: ProcedureMachineState): ProcedureAction[] {
  const table = transitionsOf(current);
  return PROCEDURE_ACTIONS.filter(
    (action) =>
      table[action] !== undefined &&
      (action !== A.EXTEND || current.extensionsUsed < MAX_EXTENSIONS) &&
      !preAcceptanceSupplementUsed(current, action),
  );
}

/** What `action` does from `current`; refusals are values, not exceptions. */
export function decide(current: ProcedureMachineState, action: ProcedureAction): ProcedureDecision {
  if (preAcceptanceSupplementUsed(current, action))
    return {
      ok: false,
      reason: 'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED',
      allowed: allowedActions(current),
    };
  const next = transitionsOf(current)[action];
  if (next === undefined)
    return { ok: false, reason: 'NOT_ALLOWED_FROM_STATUS', allowed: allowedActions(current) };
  if (action === A.EXTEND) {
    if (current.extensionsUsed >= MAX_EXTENSIONS) {
      return { ok: false, reason: 'EXTENSION_ALREADY_USED', allowed: allowedActions(current) };
    }
    return { ok: true, next, extensionsUsed: current.extensionsUsed + 1, newApplication: false };
  }
  const newApplication =
    action === A.SUBMIT && (current.status === S.REFUSED || current.status === S.WITHDRAWN);
  return { ok: true, next, extensionsUsed: newApplication ? 0 : current.extensionsUsed, newApplication };
}
