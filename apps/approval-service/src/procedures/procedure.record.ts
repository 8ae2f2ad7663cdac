import type {
  Applicability,
  DepartmentCode,
  ExcludedPeriodReason,
  ProcedureCode,
  ProcedureStatus,
  SupplementReason,
} from '@banjie/contracts';

/**
 * A pause of the accepted application's clock: a supplement request (补正), or with
 * `excludedReason` an art. 45 period; from `from` to `to` (null while open).
 */
export interface StoredPause {
  from: string;
  to: string | null;
  excludedReason?: ExcludedPeriodReason;
}

/** The supplement asked for before acceptance of the current submission (一次性告知): asked on `from`, delivered on `to`. */
export interface StoredPreAcceptanceSupplement {
  from: string;
  to: string | null;
  supplementReason: SupplementReason;
}

/** One procedure of one project as the approval service keeps it (dates are YYYY-MM-DD, Asia/Shanghai). */
export interface ProcedureRecord {
  procedureId: string;
  projectCode: string;
  procedure: ProcedureCode;
  department: DepartmentCode;
  status: ProcedureStatus;
  /** +1 with every change that is published. */
  sequence: number;
  /** The civil day the last change took effect. */
  effectiveDate: string;
  applicationNumber: number;
  /** Extensions granted to the current application. */
  extensionsUsed: number;
  /** What the latest plan version said, so a later plan only acts on applicability when the plan changes it. */
  planApplicability: Applicability;
  /** The limit in the latest plan; becomes the committed limit when an application is accepted. */
  plannedWorkingDays: number | null;
  /** The limit of the current application (fixed at acceptance); null when the procedure is not required. */
  committedWorkingDays: number | null;
  extensionWorkingDays: number;
  /** The acceptance window in the latest plan (or the catalogue's), in working days from receipt of the materials. */
  acceptanceWorkingDays: number;
  submittedOn: string | null;
  preAcceptanceSupplement: StoredPreAcceptanceSupplement | null;
  acceptedOn: string | null;
  /** The current application was deemed accepted (art. 32) rather than accepted by the department. */
  deemedAccepted: boolean;
  pauses: StoredPause[];
  baselineDate: string | null;
  targetDate: string | null;
  completedOn: string | null;
  documentNumber: string | null;
}
