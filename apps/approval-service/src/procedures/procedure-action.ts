import { ProcedureAction, type SupplementReason } from '@banjie/contracts';
import type { ProcedureDecision } from '@banjie/domain';
import type { ProcedureRecord } from './procedure.record';

/** An action with what it carries; `reason` is what the actor gave (internal), `note` a free remark. */
export type ActionCommand =
  | { action: typeof ProcedureAction.SUBMIT; note?: string }
  | { action: typeof ProcedureAction.ACCEPT; note?: string }
  | { action: typeof ProcedureAction.REQUEST_SUPPLEMENT; supplementReason: SupplementReason; note?: string }
  | { action: typeof ProcedureAction.RESUBMIT; note?: string }
  | { action: typeof ProcedureAction.APPROVE; documentNumber: string; note?: string }
  | { action: typeof ProcedureAction.REFUSE; reason: string; note?: string }
  | { action: typeof ProcedureAction.EXTEND; days: number; reason: string; note?: string }
  | { action: typeof ProcedureAction.MARK_NOT_APPLICABLE; reason: string; note?: string }
  | {
      action: typeof ProcedureAction.MARK_ALREADY_HELD;
      documentNumber: string;
      reason: string;
      note?: string;
    }
  | { action: typeof ProcedureAction.WITHDRAW; reason: string; note?: string };

type AllowedDecision = Extract<ProcedureDecision, { ok: true }>;

/**
 * The procedure after an allowed action that took effect on `effectiveDate`: what each action
 * records besides the new status. A submission opens a new application (number +1, fresh clock,
 * the plan's limit); acceptance starts the clock; a supplement request opens a pause and the
 * resubmission closes it; approval and an already-held document complete the procedure.
 */
export function applyAction(
  record: ProcedureRecord,
  decision: AllowedDecision,
  command: ActionCommand,
  effectiveDate: string,
): ProcedureRecord {
  const next: ProcedureRecord = {
    ...record,
    status: decision.next,
    extensionsUsed: decision.extensionsUsed,
    sequence: record.sequence + 1,
    effectiveDate,
    pauses: record.pauses.map((pause) => ({ ...pause })),
  };
  switch (command.action) {
    case ProcedureAction.SUBMIT:
      return {
        ...next,
        applicationNumber: record.applicationNumber + 1,
        submittedOn: effectiveDate,
        acceptedOn: null,
        pauses: [],
        extensionWorkingDays: 0,
        committedWorkingDays: record.plannedWorkingDays,
        completedOn: null,
      };
    case ProcedureAction.ACCEPT:
      return { ...next, acceptedOn: effectiveDate, committedWorkingDays: record.plannedWorkingDays };
    case ProcedureAction.REQUEST_SUPPLEMENT:
      return { ...next, pauses: [...next.pauses, { from: effectiveDate, to: null }] };
    case ProcedureAction.RESUBMIT:
      return {
        ...next,
        pauses: next.pauses.map((pause) => (pause.to === null ? { ...pause, to: effectiveDate } : pause)),
      };
    case ProcedureAction.APPROVE:
      return { ...next, completedOn: effectiveDate, documentNumber: command.documentNumber };
    case ProcedureAction.EXTEND:
      return { ...next, extensionWorkingDays: record.extensionWorkingDays + command.days };
    case ProcedureAction.MARK_NOT_APPLICABLE:
      return { ...next, committedWorkingDays: null };
    case ProcedureAction.MARK_ALREADY_HELD:
      return {
        ...next,
        committedWorkingDays: null,
        completedOn: effectiveDate,
        documentNumber: command.documentNumber,
      };
    case ProcedureAction.REFUSE:
    case ProcedureAction.WITHDRAW:
      return next;
  }
}

/** The reason an actor gave, as published in the event's internal part. */
export function reasonOf(command: ActionCommand): string | null {
  return ('reason' in command ? command.reason : undefined) ?? command.note ?? null;
}
