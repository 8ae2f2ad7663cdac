import { Applicability, ProcedureStatus, procedureIdOf, type PlanItem } from '@banjie/contracts';
import {
  hasClock,
  isTerminalProcedureStatus,
  maxLocalDate,
  parseLocalDate,
  PROCEDURE_CATALOGUE,
  procedureDefinition,
  statusClassOf,
} from '@banjie/domain';
import type { ProcedureRecord } from '../procedures/procedure.record';

export interface PlanContext {
  projectCode: string;
  planVersion: number;
  effectiveDate: string;
}

/** A plan change that could not be applied, and why. */
export interface HeldBack {
  code: 'APPLICATION_UNDER_WAY' | 'ALREADY_APPROVED';
  message: string;
}

export type PlanItemOutcome =
  /** The procedure did not exist: created from the plan. */
  | { kind: 'opened'; record: ProcedureRecord }
  /** Something public changed (sequence +1). `heldBack` names a plan change that could not be applied. */
  | { kind: 'replanned'; record: ProcedureRecord; heldBack: HeldBack | null }
  /** Nothing public changed; `record` still carries the plan's bookkeeping (applicability, planned limit). */
  | { kind: 'unchanged'; record: ProcedureRecord; heldBack: HeldBack | null };

/** An application is with the department or the applicant: the plan may not pull the procedure from under it. */
const applicationUnderWay = (status: ProcedureStatus): boolean =>
  statusClassOf(status) === 'AWAITING_ACCEPTANCE' || hasClock(status);
/** While a clock runs (or ran to approval) the committed limit is the one accepted; a new plan limit waits for the next application. */
const limitFixed = (status: ProcedureStatus): boolean =>
  hasClock(status) || status === ProcedureStatus.APPROVED;

const statusFor = (applicability: Applicability): ProcedureStatus =>
  applicability === Applicability.REQUIRED
    ? ProcedureStatus.PLANNED
    : applicability === Applicability.NOT_APPLICABLE
      ? ProcedureStatus.NOT_APPLICABLE
      : ProcedureStatus.ALREADY_HELD;

const plannedLimit = (item: PlanItem): number | null =>
  item.applicability === Applicability.REQUIRED
    ? (item.timeLimitWorkingDays ?? PROCEDURE_CATALOGUE[item.procedure].committedWorkingDays)
    : null;

/** The plan's acceptance window (受理时限), else the catalogue's. */
const acceptanceWindow = (item: PlanItem): number =>
  item.acceptanceWorkingDays ?? procedureDefinition(item.procedure).acceptanceWorkingDays;

function opened(item: PlanItem, plan: PlanContext): ProcedureRecord {
  const required = item.applicability === Applicability.REQUIRED;
  return {
    procedureId: procedureIdOf(plan.projectCode, item.procedure),
    projectCode: plan.projectCode,
    procedure: item.procedure,
    department: item.department,
    status: statusFor(item.applicability),
    sequence: 1,
    effectiveDate: plan.effectiveDate,
    applicationNumber: 0,
    extensionsUsed: 0,
    planApplicability: item.applicability,
    plannedWorkingDays: plannedLimit(item),
    committedWorkingDays: plannedLimit(item),
    extensionWorkingDays: 0,
    acceptanceWorkingDays: acceptanceWindow(item),
    submittedOn: null,
    preAcceptanceSupplement: null,
    acceptedOn: null,
    deemedAccepted: false,
    pauses: [],
    baselineDate: required ? (item.baselineDate ?? item.targetDate ?? null) : null,
    targetDate: required ? (item.targetDate ?? null) : null,
    // Held before the list was drawn up: the document's own date is not known here.
    completedOn: null,
    documentNumber: item.applicability === Applicability.ALREADY_HELD ? (item.documentNumber ?? null) : null,
  };
}

/** The applicability the plan asks for, if it may be applied now; otherwise why not. */
function applicabilityChange(
  existing: ProcedureRecord,
  item: PlanItem,
): { status: ProcedureStatus } | { heldBack: HeldBack } | null {
  if (item.applicability === existing.planApplicability) return null;
  const wanted = statusFor(item.applicability);
  if (applicationUnderWay(existing.status)) {
    return {
      heldBack: {
        code: 'APPLICATION_UNDER_WAY',
        message:
          `the plan asks for ${item.applicability} but application ${existing.applicationNumber} is under way (${existing.status}); ` +
          'the department (or an admin) decides with mark-not-applicable / mark-already-held, or the applicant withdraws first',
      },
    };
  }
  if (existing.status === ProcedureStatus.APPROVED) {
    return {
      heldBack: {
        code: 'ALREADY_APPROVED',
        message: `the plan asks for ${item.applicability} but the procedure is already approved (${existing.documentNumber ?? 'no number'})`,
      },
    };
  }
  return { status: wanted };
}

/**
 * What one plan item does to a procedure. Rules (see README, "Plans"):
 * - targets follow the plan (the baseline never moves once set);
 * - the department follows the plan until the procedure is closed;
 * - the limit follows the plan until an application is accepted, which fixes it for that application;
 * - the acceptance window follows the plan (a submission waiting for acceptance counts with the new one);
 * - applicability acts only when the plan itself changes it, and only while no application is under
 *   way and nothing was approved; otherwise the change is held back (and audited), so a department's
 *   own decision is never silently overturned by an unrelated plan edit.
 */
export function reconcilePlanItem(
  existing: ProcedureRecord | undefined,
  item: PlanItem,
  plan: PlanContext,
): PlanItemOutcome {
  if (!existing) return { kind: 'opened', record: opened(item, plan) };
  const change = applicabilityChange(existing, item);
  const heldBack = change && 'heldBack' in change ? change.heldBack : null;
  const status = change && 'status' in change ? change.status : existing.status;
  const statusChanged = status !== existing.status;
  const required = item.applicability === Applicability.REQUIRED;
  const plannedWorkingDays = required ? plannedLimit(item) : existing.plannedWorkingDays;
  const next: ProcedureRecord = {
    ...existing,
    status,
    planApplicability: item.applicability,
    plannedWorkingDays,
    acceptanceWorkingDays: required ? acceptanceWindow(item) : existing.acceptanceWorkingDays,
    department: required && !isTerminalProcedureStatus(status) ? item.department : existing.department,
    committedWorkingDays: committedLimit(status, existing, plannedWorkingDays),
    baselineDate: existing.baselineDate ?? (required ? (item.baselineDate ?? item.targetDate ?? null) : null),
    targetDate: required ? (item.targetDate ?? null) : heldBack ? existing.targetDate : null,
    documentNumber: documentNumber(status, existing, item, statusChanged),
    completedOn: statusChanged ? null : existing.completedOn,
    applicationNumber: existing.applicationNumber,
  };
  if (!publiclyDifferent(existing, next)) return { kind: 'unchanged', record: next, heldBack };
  return {
    kind: 'replanned',
    record: {
      ...next,
      sequence: existing.sequence + 1,
      effectiveDate: maxLocalDate(parseLocalDate(plan.effectiveDate), parseLocalDate(existing.effectiveDate)),
    },
    heldBack,
  };
}

function committedLimit(
  status: ProcedureStatus,
  existing: ProcedureRecord,
  planned: number | null,
): number | null {
  if (status === ProcedureStatus.NOT_APPLICABLE || status === ProcedureStatus.ALREADY_HELD) return null;
  return limitFixed(status) ? existing.committedWorkingDays : planned;
}

function documentNumber(
  status: ProcedureStatus,
  existing: ProcedureRecord,
  item: PlanItem,
  statusChanged: boolean,
): string | null {
  if (status === ProcedureStatus.ALREADY_HELD && item.applicability === Applicability.ALREADY_HELD)
    return item.documentNumber ?? existing.documentNumber;
  return statusChanged ? null : existing.documentNumber;
}

const PUBLIC_FIELDS = [
  'status',
  'department',
  'committedWorkingDays',
  'acceptanceWorkingDays',
  'baselineDate',
  'targetDate',
  'documentNumber',
  'completedOn',
] as const;

function publiclyDifferent(a: ProcedureRecord, b: ProcedureRecord): boolean {
  return PUBLIC_FIELDS.some((field) => a[field] !== b[field]);
}
