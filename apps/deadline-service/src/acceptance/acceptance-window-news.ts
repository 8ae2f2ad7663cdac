import { ProcedureStatus, type PublicProcedureFields } from '@banjie/contracts';
import { acceptanceReceivedOn, DEFAULT_ACCEPTANCE_WORKING_DAYS } from '@banjie/domain';
import type { AcceptanceDecision, AcceptanceOutcome, AcceptanceWindowFacts } from '@banjie/workflows';

/** What a snapshot says of its acceptance window, stored with the projection. */
export interface ReceivedMaterials {
  /** The day the complete materials were received (null before a submission and while a supplement before acceptance is owed). */
  receivedOn: string | null;
  acceptanceWorkingDays: number;
  /** When the news was recorded (the event's occurredAt); the projection keeps the first instant for the same materials. */
  recordedAt: string;
}

export function receivedMaterialsOf(snapshot: PublicProcedureFields, recordedAt: string): ReceivedMaterials {
  return {
    receivedOn: acceptanceReceivedOn({
      submittedOn: snapshot.submittedOn ?? null,
      preAcceptanceSupplement: snapshot.preAcceptanceSupplement ?? null,
    }),
    acceptanceWorkingDays: snapshot.acceptanceWorkingDays ?? DEFAULT_ACCEPTANCE_WORKING_DAYS,
    recordedAt,
  };
}

/** A procedure as its acceptance window workflow sees it (the projection's row, or a snapshot just stored). */
export interface AcceptanceWindowRow {
  procedureId: string;
  projectCode: string;
  department: string;
  status: ProcedureStatus;
  sequence: number;
  effectiveDate: string;
  applicationNumber: number;
  receivedOn: string | null;
  acceptanceWorkingDays: number | null;
  recordedAt: Date | null;
  /** The application whose window workflow may still run (its decision not delivered yet). */
  openApplication: number | null;
}

/** What the window workflows of one procedure were last told. */
export interface WindowTold {
  procedureId: string;
  sequence: number;
  openApplication: number | null;
}

export const awaitsAcceptance = (row: Pick<AcceptanceWindowRow, 'status'>): boolean =>
  row.status === ProcedureStatus.SUBMITTED;

export function windowFactsOf(row: AcceptanceWindowRow): AcceptanceWindowFacts {
  return {
    sequence: row.sequence,
    receivedOn: row.receivedOn,
    windowWorkingDays: row.acceptanceWorkingDays ?? DEFAULT_ACCEPTANCE_WORKING_DAYS,
    // Rows projected before windows were followed carry no instant: theirs is long past.
    recordedAt: (row.recordedAt ?? new Date(0)).toISOString(),
  };
}

const OUTCOME_OF_STATUS: Partial<Record<ProcedureStatus, AcceptanceOutcome>> = {
  [ProcedureStatus.REFUSED]: 'REFUSED',
  [ProcedureStatus.WITHDRAWN]: 'WITHDRAWN',
  [ProcedureStatus.NOT_APPLICABLE]: 'NOT_APPLICABLE',
};

/**
 * How the open window of `row.openApplication` was decided, as the procedure stands now: its own
 * refusal, withdrawal or end, else an acceptance (which any later status of the same application
 * implies); a window of an earlier application whose ending went unheard was superseded.
 */
export function decisionOf(row: AcceptanceWindowRow, deemedAccepted: boolean): AcceptanceDecision {
  const outcome: AcceptanceOutcome =
    row.openApplication !== row.applicationNumber
      ? 'SUPERSEDED'
      : (OUTCOME_OF_STATUS[row.status] ?? (deemedAccepted ? 'DEEMED_ACCEPTED' : 'ACCEPTED'));
  return { sequence: row.sequence, outcome, on: row.effectiveDate };
}
