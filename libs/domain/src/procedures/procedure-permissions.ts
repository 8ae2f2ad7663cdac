import { ProcedureAction, Role, type DepartmentCode } from '@banjie/contracts/enums';

/** The caller, as a verified token describes it (compatible with the platform's Actor). */
export interface PermissionActor {
  readonly role: Role;
  /** The user's id (token subject); a helper is recognised by it. */
  readonly sub?: string;
  readonly department?: DepartmentCode;
  readonly enterpriseId?: string;
}

/** What the permission rule needs to know about the procedure and its project. */
export interface PermissionScope {
  readonly department: DepartmentCode;
  readonly projectEnterpriseId: string;
  /** The subs of the helpers assigned to the project. */
  readonly projectHelpers: readonly string[];
}

export type PermissionDenialReason =
  'ROLE_MAY_NOT_PERFORM_ACTION' | 'NOT_OWN_DEPARTMENT' | 'NOT_PROJECT_ENTERPRISE' | 'NOT_ASSIGNED_HELPER';

export type PermissionDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: PermissionDenialReason; readonly message: string };

const A = ProcedureAction;
const APPLICANT_ACTIONS = [A.SUBMIT, A.RESUBMIT, A.WITHDRAW] as const;

/** Which actions each role may ever perform (further narrowed by `mayAct` to its own scope). */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly ProcedureAction[]>> = Object.freeze({
  [Role.DEPARTMENT]: [
    A.ACCEPT,
    A.REQUEST_SUPPLEMENT,
    A.APPROVE,
    A.REFUSE,
    A.EXTEND,
    A.MARK_NOT_APPLICABLE,
    A.MARK_ALREADY_HELD,
    A.BEGIN_EXCLUDED_PERIOD,
    A.END_EXCLUDED_PERIOD,
  ],
  [Role.ENTERPRISE]: APPLICANT_ACTIONS,
  [Role.HELPER]: APPLICANT_ACTIONS,
  [Role.ADMIN]: [A.MARK_NOT_APPLICABLE, A.MARK_ALREADY_HELD],
  // Supervisors and the dispatch centre read and escalate; they do not act on applications.
  [Role.SUPERVISOR]: [],
  [Role.DISPATCH]: [],
  // Banjie itself, where the law acts without a person: a lapsed acceptance window (art. 32).
  [Role.SYSTEM]: [A.DEEM_ACCEPT],
});

const ALLOWED: PermissionDecision = Object.freeze({ allowed: true });

function deny(reason: PermissionDenialReason, message: string): PermissionDecision {
  return { allowed: false, reason, message };
}

/**
 * May `actor` perform `action` on this procedure? A department acts only on its own
 * department's procedures; an enterprise only on its own projects; a helper only on the
 * projects it is assigned to.
 */
export function mayAct(
  actor: PermissionActor,
  procedure: PermissionScope,
  action: ProcedureAction,
): PermissionDecision {
  if (!(ROLE_ACTIONS[actor.role] ?? []).includes(action)) {
    return deny('ROLE_MAY_NOT_PERFORM_ACTION', `the ${actor.role} role may not ${action} a procedure`);
  }
  switch (actor.role) {
    case Role.DEPARTMENT:
      return actor.department !== undefined && actor.department === procedure.department
        ? ALLOWED
        : deny(
            'NOT_OWN_DEPARTMENT',
            `this procedure belongs to ${procedure.department}, not to ${actor.department ?? 'an unnamed department'}`,
          );
    case Role.ENTERPRISE:
      return actor.enterpriseId !== undefined && actor.enterpriseId === procedure.projectEnterpriseId
        ? ALLOWED
        : deny(
            'NOT_PROJECT_ENTERPRISE',
            'only the enterprise that owns the project may act on its applications',
          );
    case Role.HELPER:
      return actor.sub !== undefined && procedure.projectHelpers.includes(actor.sub)
        ? ALLOWED
        : deny('NOT_ASSIGNED_HELPER', 'only a helper assigned to the project may act on its applications');
    default:
      return ALLOWED;
  }
}
