import { PROCEDURE_ACTIONS, ProcedureAction, ProcedureStatus } from '@banjie/contracts/enums';
import { MAX_EXTENSIONS } from './procedure-catalogue';
import { COMPLETED_STATUSES } from './procedure-lifecycle';

export interface ProcedureMachineState {
  readonly status: ProcedureStatus;
  /** Extensions granted to the current application. */
  readonly extensionsUsed: number;
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
      readonly reason: 'NOT_ALLOWED_FROM_STATUS' | 'EXTENSION_ALREADY_USED';
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
  [S.SUBMITTED]: {
    [A.ACCEPT]: S.ACCEPTED,
    [A.WITHDRAW]: S.WITHDRAWN,
    [A.MARK_NOT_APPLICABLE]: S.NOT_APPLICABLE,
  },
  [S.ACCEPTED]: {
    [A.REQUEST_SUPPLEMENT]: S.SUPPLEMENT_REQUESTED,
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

/** The actions allowed from this state, in the contracts' order. */
export function allowedActions(current: ProcedureMachineState): ProcedureAction[] {
  const table = TRANSITIONS[current.status];
  return PROCEDURE_ACTIONS.filter(
    (action) =>
      table[action] !== undefined && (action !== A.EXTEND || current.extensionsUsed < MAX_EXTENSIONS),
  );
}

/** What `action` does from `current`; refusals are values, not exceptions. */
export function decide(current: ProcedureMachineState, action: ProcedureAction): ProcedureDecision {
  const next = TRANSITIONS[current.status][action];
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
