import type { Applicability, DepartmentCode, ProcedureCode, ProcedureStatus } from '@banjie/contracts';

/** A supplement request (补正) of the current application: asked on `from`, answered on `to` (null while open). */
export interface StoredPause {
  from: string;
  to: string | null;
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
  submittedOn: string | null;
  acceptedOn: string | null;
  pauses: StoredPause[];
  baselineDate: string | null;
  targetDate: string | null;
  completedOn: string | null;
  documentNumber: string | null;
}
