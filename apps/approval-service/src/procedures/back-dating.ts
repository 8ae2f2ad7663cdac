import { ProcedureAction, Role } from '@banjie/contracts';
import { ROLE_ACTIONS, type LocalDate, type WorkingDayCalendar } from '@banjie/domain';
import { DomainException, type Actor } from '@banjie/platform';
import type { AuditLateEntry } from '../audit/audit.repository';
import type { ProjectScope } from '../projects/project-directory.repository';
import { fieldError } from '@banjie/platform';
import type { ProcedureRecord } from './procedure.record';

/**
 * A late entry (补录): an action older than the back-dating grace, recorded by an admin on behalf
 * of the party the action belongs to. `helper` names the assigned helper when an applicant's
 * action was the helper's (default: the owner enterprise).
 */
export interface LateEntry {
  reason: string;
  evidence?: string;
  helper?: string;
}

const APPLICANT_ACTIONS: readonly ProcedureAction[] = ROLE_ACTIONS[Role.ENTERPRISE];

/**
 * Any party may give an `effectiveDate` up to `graceWorkingDays` working days before today; an
 * older one is a late entry and needs `lateEntry` (which only an admin may send). Throws a 400
 * naming `effectiveDate` and pointing to `lateEntry`. When the calendar cannot count the days
 * (a year it does not cover), only today is within the grace: the rule never guesses.
 */
export function checkBackDatingGrace(
  effectiveDate: string,
  today: string,
  graceWorkingDays: number,
  calendar: WorkingDayCalendar,
): void {
  if (effectiveDate >= today) return;
  const from = effectiveDate as LocalDate;
  const to = today as LocalDate;
  const countable = calendar.covers(from) && calendar.covers(to);
  if (countable && calendar.workingDaysBetween(from, to) <= graceWorkingDays) return;
  const measured = countable
    ? `${calendar.workingDaysBetween(from, to)} working days before today (${today})`
    : `before today (${today}) in a year the working-day calendar does not cover`;
  throw fieldError(
    'effectiveDate',
    `${effectiveDate} is ${measured}; an action may be dated at most ${graceWorkingDays} working days back. ` +
      'An older action is a late entry (补录): an admin records it with "lateEntry": {"reason": "…", "evidence": "…"}',
    'BACKDATE_BEYOND_GRACE',
  );
}

/** Only an admin records a late entry: anybody else sending `lateEntry` is refused (403, audited like any refusal). */
export function lateEntryRefusal(actor: Actor): DomainException | null {
  return actor.role === Role.ADMIN
    ? null
    : new DomainException(
        'forbidden',
        'LATE_ENTRY_ADMIN_ONLY',
        'lateEntry: only an admin records a late entry (补录); send the action without it, dated within the back-dating grace',
      );
}

/**
 * The party an admin records a late entry for: the procedure's department for the department's
 * actions, the owner enterprise (or the named helper) for the applicant's. `helper` on a
 * department's action is a 400, and so is a late entry without an `effectiveDate` (it exists to
 * name a past day).
 */
export function lateEntryParty(
  admin: Actor,
  lateEntry: LateEntry,
  action: ProcedureAction,
  record: Pick<ProcedureRecord, 'department'>,
  project: Pick<ProjectScope, 'ownerEnterpriseId'>,
  effectiveDate: string | undefined,
): Actor {
  if (effectiveDate === undefined)
    throw fieldError(
      'effectiveDate',
      'a late entry must name the day the action took effect',
      'LATE_ENTRY_WITHOUT_DATE',
    );
  if (APPLICANT_ACTIONS.includes(action)) {
    return lateEntry.helper !== undefined
      ? { sub: lateEntry.helper, role: Role.HELPER }
      : { sub: admin.sub, role: Role.ENTERPRISE, enterpriseId: project.ownerEnterpriseId };
  }
  if (lateEntry.helper !== undefined) {
    throw fieldError(
      'lateEntry.helper',
      `names the helper of an applicant's action (${APPLICANT_ACTIONS.join(', ')}), not of ${action}`,
      'LATE_ENTRY_HELPER_NOT_APPLICANT',
    );
  }
  return { sub: admin.sub, role: Role.DEPARTMENT, department: record.department };
}

/** What the trail keeps of a late entry: why, on what evidence, and the party by its role and scope (the admin is the row's actor). */
export function recordedLateEntry(lateEntry: LateEntry, party: Actor): AuditLateEntry {
  const evidence = lateEntry.evidence ?? null;
  switch (party.role) {
    case Role.HELPER:
      return { reason: lateEntry.reason, evidence, onBehalfOf: { role: party.role, helper: party.sub } };
    case Role.ENTERPRISE:
      return {
        reason: lateEntry.reason,
        evidence,
        onBehalfOf: { role: party.role, enterpriseId: party.enterpriseId },
      };
    default:
      return {
        reason: lateEntry.reason,
        evidence,
        onBehalfOf: { role: party.role, department: party.department },
      };
  }
}
