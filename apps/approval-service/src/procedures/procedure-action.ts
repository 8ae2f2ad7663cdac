import {
  ProcedureAction,
  ProcedureStatus,
  type ExcludedPeriodReason,
  type SupplementReason,
} from '@banjie/contracts';
import { acceptanceReceivedOn, type ProcedureDecision } from '@banjie/domain';
import type { ProcedureRecord, StoredPause } from './procedure.record';

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
  | { action: typeof ProcedureAction.WITHDRAW; reason: string; note?: string }
  /** The system's alone; `reason` names the law it acts under. */
  | { action: typeof ProcedureAction.DEEM_ACCEPT; reason: string }
  | {
      action: typeof ProcedureAction.BEGIN_EXCLUDED_PERIOD;
      excludedReason: ExcludedPeriodReason;
      note?: string;
    }
  | { action: typeof ProcedureAction.END_EXCLUDED_PERIOD; note?: string };

type AllowedDecision = Extract<ProcedureDecision, { ok: true }>;

/** Closes the open pauses that `closes` picks on `day`. */
const closePauses = (pauses: StoredPause[], day: string, closes: (pause: StoredPause) => boolean) =>
  pauses.map((pause) => (pause.to === null && closes(pause) ? { ...pause, to: day } : pause));
const isExcludedPeriod = (pause: StoredPause): boolean => pause.excludedReason !== undefined;

/**
 * The procedure after an allowed action that took effect on `effectiveDate`: what each action
 * records besides the new status. A submission opens a new application (number +1, fresh clock,
 * the plan's limit, a new acceptance window); acceptance starts the clock — a deemed acceptance
 * (art. 32) from the day the materials were received; a supplement request opens a pause (before
 * acceptance: the one supplement of the submission, 一次性告知) and the resubmission closes it; an
 * art. 45 period is a pause with its reason, ended by its end or by the decision; approval and an
 * already-held document complete the procedure.
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
        preAcceptanceSupplement: null,
        acceptedOn: null,
        deemedAccepted: false,
        pauses: [],
        extensionWorkingDays: 0,
        committedWorkingDays: record.plannedWorkingDays,
        completedOn: null,
      };
    case ProcedureAction.ACCEPT:
      return {
        ...next,
        acceptedOn: effectiveDate,
        deemedAccepted: false,
        committedWorkingDays: record.plannedWorkingDays,
      };
    case ProcedureAction.DEEM_ACCEPT:
      return {
        ...next,
        acceptedOn: deemedAcceptanceDay(record),
        deemedAccepted: true,
        committedWorkingDays: record.plannedWorkingDays,
      };
    case ProcedureAction.REQUEST_SUPPLEMENT:
      if (record.status === ProcedureStatus.SUBMITTED)
        return {
          ...next,
          preAcceptanceSupplement: {
            from: effectiveDate,
            to: null,
            supplementReason: command.supplementReason,
          },
        };
      return { ...next, pauses: [...next.pauses, { from: effectiveDate, to: null }] };
    case ProcedureAction.RESUBMIT:
      if (record.status === ProcedureStatus.SUBMITTED && record.preAcceptanceSupplement !== null)
        return { ...next, preAcceptanceSupplement: { ...record.preAcceptanceSupplement, to: effectiveDate } };
      return { ...next, pauses: closePauses(next.pauses, effectiveDate, () => true) };
    case ProcedureAction.BEGIN_EXCLUDED_PERIOD:
      return {
        ...next,
        pauses: [...next.pauses, { from: effectiveDate, to: null, excludedReason: command.excludedReason }],
      };
    case ProcedureAction.END_EXCLUDED_PERIOD:
      return { ...next, pauses: closePauses(next.pauses, effectiveDate, isExcludedPeriod) };
    case ProcedureAction.APPROVE:
      return {
        ...next,
        pauses: closePauses(next.pauses, effectiveDate, isExcludedPeriod),
        completedOn: effectiveDate,
        documentNumber: command.documentNumber,
      };
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
      // A decision (or the withdrawal) ends an art. 45 period; an open supplement request stays as it was left.
      return { ...next, pauses: closePauses(next.pauses, effectiveDate, isExcludedPeriod) };
  }
}

/** The day art. 32 deems the application accepted: the day the complete materials were received. */
function deemedAcceptanceDay(record: ProcedureRecord): string {
  const receivedOn = acceptanceReceivedOn(record);
  if (receivedOn === null)
    throw new Error(`${record.procedureId}: no complete materials received, nothing to deem accepted`);
  return receivedOn;
}

/** The reason an actor gave, as published in the event's internal part. */
export function reasonOf(command: ActionCommand): string | null {
  return (
    ('reason' in command ? command.reason : undefined) ??
    ('note' in command ? command.note : undefined) ??
    null
  );
}
