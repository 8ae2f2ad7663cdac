import { publicProjectFields } from '@banjie/contracts';
import type { Actor } from '@banjie/platform';
import type { HelperContact } from './project';

/**
 * Whether `actor` may read a project's people data — its helpers' names, phones and logins, its
 * leading official, its owner, and who changed it and why: admin and dispatch, who keep the list,
 * and the project's own helpers. Everyone else (departments, supervisors, the owner enterprise,
 * other helpers) reads what the contract marks public, as the board and the approval service show it.
 */
export function readsPeopleData(actor: Actor, project: { helpers: readonly HelperContact[] }): boolean {
  if (actor.role === 'admin' || actor.role === 'dispatch') return true;
  return actor.role === 'helper' && project.helpers.some((helper) => helper.userId === actor.sub);
}

/** A record of a change: who made it (a login) and why (internal text, as in the events). */
export interface Authored {
  actor: string;
  reason: string | null;
}

/** A record without who made it and why. */
export function withoutAuthor<T extends Authored>({
  actor: _actor,
  reason: _reason,
  ...rest
}: T): Omit<T, keyof Authored> {
  return rest;
}

/** A record of a project's change as `actor` may read it: whole, or without who and why. */
export function authoredRecordFor<T extends Authored>(
  actor: Actor,
  project: { helpers: readonly HelperContact[] },
  record: T,
): T | Omit<T, keyof Authored> {
  return readsPeopleData(actor, project) ? record : withoutAuthor(record);
}

/** What a change may show to everyone: the changes of public fields, the day a move took effect, a plan's version. */
const PUBLIC_CHANGE_KEYS = new Set([
  ...Object.keys(publicProjectFields.shape),
  'effectiveDate',
  'planVersion',
]);

/**
 * The changes of a history entry without those of internal fields (helpers, the leading official,
 * the owner): an allow-list, so a field added later stays internal until the contract makes it public.
 */
export function publicChanges(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).filter(([key]) => PUBLIC_CHANGE_KEYS.has(key)));
}
