import {
  ProcedureAction,
  ProcedureExcludedPeriodBegunV1,
  ProcedureExtendedV1,
  ProcedureOpenedV1,
  ProcedureSupplementRequestedV1,
  PROCEDURE_ACTION_EVENTS,
  type EventDefinition,
  type InternalProcedureFields,
  type PublicProcedureFields,
  type Role,
} from '@banjie/contracts';
import { appendToOutbox, type Tx } from '@banjie/platform';
import type { ProjectScope } from '../projects/project-directory.repository';
import type { ActionCommand } from './procedure-action';

/** Every procedure event without extra fields has this shape (they differ only by their type name). */
type PlainProcedureEvent = EventDefinition<string, (typeof ProcedureOpenedV1)['payload']>;

/** Publishes (through the outbox, in the caller's transaction) the event of an action with the snapshot after it. */
export function appendActionEvent(
  tx: Tx,
  command: ActionCommand,
  snapshot: PublicProcedureFields,
  internal: InternalProcedureFields,
  now: Date,
) {
  switch (command.action) {
    case ProcedureAction.EXTEND:
      return appendToOutbox(
        tx,
        ProcedureExtendedV1,
        snapshot.projectCode,
        { public: { ...snapshot, extensionDays: command.days }, internal },
        now,
      );
    case ProcedureAction.REQUEST_SUPPLEMENT:
      return appendToOutbox(
        tx,
        ProcedureSupplementRequestedV1,
        snapshot.projectCode,
        { public: { ...snapshot, supplementReason: command.supplementReason }, internal },
        now,
      );
    case ProcedureAction.BEGIN_EXCLUDED_PERIOD:
      return appendToOutbox(
        tx,
        ProcedureExcludedPeriodBegunV1,
        snapshot.projectCode,
        { public: { ...snapshot, excludedReason: command.excludedReason }, internal },
        now,
      );
    default:
      return appendPlainEvent(
        tx,
        PROCEDURE_ACTION_EVENTS[command.action] as PlainProcedureEvent,
        snapshot,
        internal,
        now,
      );
  }
}

/** ProcedureOpened, ProcedureReplanned and the actions that carry nothing beyond the snapshot. */
export function appendPlainEvent(
  tx: Tx,
  definition: PlainProcedureEvent,
  snapshot: PublicProcedureFields,
  internal: InternalProcedureFields,
  now: Date,
) {
  return appendToOutbox(tx, definition, snapshot.projectCode, { public: snapshot, internal }, now);
}

/** The internal part of every procedure event: who acted, why, and whom the project belongs to. */
export function internalFields(
  actor: { sub: string; role: Role },
  reason: string | null,
  project: ProjectScope,
): InternalProcedureFields {
  return {
    actor: actor.sub,
    actorRole: actor.role,
    reason,
    ownerEnterpriseId: project.ownerEnterpriseId,
    helpers: project.helperLogins,
  };
}
