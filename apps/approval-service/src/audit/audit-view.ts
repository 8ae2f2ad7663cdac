import { Role } from '@banjie/contracts';
import type { Actor } from '@banjie/platform';
import type { AuditRow } from './audit.repository';

/**
 * What of an audit row the procedure's public contract publishes anyway (`approval.procedure.v1`,
 * `payload.public`): which change, from and to which status, when it took effect and was
 * recorded, and the public facts it carried (supplement reason, document number, extension days).
 * Never who acted, their reasons and notes, refusals, keys or a late entry's reason and evidence.
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
  'documentNumber',
  'extensionDays',
  'recordedAt',
] as const;

type PublicAuditField = (typeof PUBLIC_AUDIT_FIELDS)[number];

export type PublicAuditRow = Pick<AuditRow, PublicAuditField> & { lateEntry: boolean };

/** The trail of applied changes as anybody may see them (attempts that changed nothing are not public). */
export function publicAuditTrail(rows: readonly AuditRow[]): PublicAuditRow[] {
  return rows
    .filter((row) => row.outcome === 'APPLIED')
    .map((row) => ({
      ...(Object.fromEntries(PUBLIC_AUDIT_FIELDS.map((field) => [field, row[field]])) as Pick<
        AuditRow,
        PublicAuditField
      >),
      lateEntry: row.lateEntry != null,
    }));
}

/**
 * The whole trail is for the government side (departments, helpers, supervisors, dispatch, admins);
 * an enterprise sees only what the contract marks public.
 */
export function auditTrailFor(actor: Actor, rows: AuditRow[]): AuditRow[] | PublicAuditRow[] {
  return actor.role === Role.ENTERPRISE ? publicAuditTrail(rows) : rows;
}
