import type { ProcedureStatus } from '@banjie/contracts';
import { COMPLETED_STATUSES } from '@banjie/domain';

/** How a procedure left the completion rate's open work, as the approval service reports it. */
export type ProcedureOutcome =
  | typeof ProcedureStatus.APPROVED
  | typeof ProcedureStatus.NOT_APPLICABLE
  | typeof ProcedureStatus.ALREADY_HELD;

/** The outcome a procedure status stands for, or null while the procedure is still open work. */
export function outcomeOf(status: ProcedureStatus): ProcedureOutcome | null {
  return COMPLETED_STATUSES.includes(status) ? (status as ProcedureOutcome) : null;
}
