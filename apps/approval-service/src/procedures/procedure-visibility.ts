import { Role } from '@banjie/contracts';
import type { Actor } from '@banjie/platform';

/** Which procedures a caller may read. */
export type Visibility =
  | { kind: 'all' }
  | { kind: 'department'; department: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'helper'; login: string };

/**
 * A department sees the procedures assigned to it; an enterprise the procedures of its own
 * projects; a helper those of the projects it is assigned to; supervisors, dispatch and admins
 * see everything, and so does Banjie itself when it acts under the law (a deemed acceptance).
 */
export function visibilityOf(actor: Actor): Visibility {
  switch (actor.role) {
    case Role.DEPARTMENT:
      return { kind: 'department', department: actor.department ?? '' };
    case Role.ENTERPRISE:
      return { kind: 'enterprise', enterpriseId: actor.enterpriseId ?? '' };
    case Role.HELPER:
      return { kind: 'helper', login: actor.sub };
    case Role.ADMIN:
    case Role.DISPATCH:
    case Role.SUPERVISOR:
    case Role.SYSTEM:
      return { kind: 'all' };
  }
}

/** The SQL condition (over `p` = procedures, `pr` = projects) and its parameter, numbered from `next`. */
export function visibilityCondition(
  visibility: Visibility,
  next: number,
): { sql: string; params: unknown[] } {
  switch (visibility.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'department':
      return { sql: `p.department = $${next}`, params: [visibility.department] };
    case 'enterprise':
      return { sql: `pr.owner_enterprise_id = $${next}`, params: [visibility.enterpriseId] };
    case 'helper':
      return { sql: `$${next} = ANY (pr.helper_logins)`, params: [visibility.login] };
  }
}

/** The same rule as `visibilityCondition`, for a procedure already read (with its project's owner and helpers). */
export function canSee(
  visibility: Visibility,
  procedure: { department: string; ownerEnterpriseId: string; helperLogins: readonly string[] },
): boolean {
  switch (visibility.kind) {
    case 'all':
      return true;
    case 'department':
      return procedure.department === visibility.department;
    case 'enterprise':
      return procedure.ownerEnterpriseId === visibility.enterpriseId;
    case 'helper':
      return procedure.helperLogins.includes(visibility.login);
  }
}
