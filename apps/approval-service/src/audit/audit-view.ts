import { Role } from '@banjie/contracts';
import { mapPage, type Actor, type Page } from '@banjie/platform';
import type { AuditRow } from './audit.repository';

/**
 * What of an audit row the procedure's public contract publishes anyway (`approval.procedure.v1`,
 * `payload.public`): which change, from and to which status, when it took effect and was
 * recorded, and the public facts it carried (supplement or art. 45 reason, document number,
 * extension days). Never who acted, their reasons and notes, refusals, keys or a late entry's
 * reason and evidence — except that a change made by the system itself (a deemed acceptance, art.
 * 32) says so: no person stands behind it, and the snapshot publishes `deemedAccepted` anyway.
 */
const PUBLIC_AUDIT_FIELDS = [
  'id',
  'procedureId',
  'projectCode',
  'action',
  'fromStatus',
  'toStatus',
  'sequence',
  'effectiveDate',
  'supplementReason',
  'excludedReason',
  'documentNumber',
  'extensionDays',
  'recordedAt',
] as const;

type PublicAuditField = (typeof PUBLIC_AUDIT_FIELDS)[number];

export type PublicAuditRow = Pick<AuditRow, PublicAuditField> & {
  lateEntry: boolean;
  actor?: typeof Role.SYSTEM;
  actorRole?: typeof Role.SYSTEM;
};

/** An applied change as anybody may see it. */
export function publicAuditRow(row: AuditRow): PublicAuditRow {
  return {
    ...(Object.fromEntries(PUBLIC_AUDIT_FIELDS.map((field) => [field, row[field]])) as Pick<
      AuditRow,
      PublicAuditField
    >),
    ...(row.actorRole === Role.SYSTEM ? { actor: Role.SYSTEM, actorRole: Role.SYSTEM } : {}),
    lateEntry: row.lateEntry != null,
  };
}

/**
 * The whole trail is for the government side (departments, helpers, supervisors, dispatch, admins);
 * an enterprise sees only the applied changes (attempts that changed nothing are not public), and
 * only what the contract marks public.
 */
export function readsOnlyPublicAudit(actor: Actor): boolean {
  return actor.role === Role.ENTERPRISE;
}

/** A page of the trail as `actor` may read it; for an enterprise the page holds applied changes only. */
export function auditTrailFor(actor: Actor, rows: Page<AuditRow>): Page<AuditRow> | Page<PublicAuditRow> {
  return readsOnlyPublicAudit(actor) ? mapPage(rows, publicAuditRow) : rows;
}
