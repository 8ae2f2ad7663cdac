import type { PublicProcedureFields } from '@banjie/contracts';
import type { ClockUpdate, ProcedureEndOutcome } from '@banjie/workflows';

/** What the deadline service keeps of a procedure: the approval service's latest public snapshot and the helpers' logins. */
export type ProcedureSnapshot = Pick<
  PublicProcedureFields,
  | 'procedureId'
  | 'projectCode'
  | 'procedure'
  | 'department'
  | 'status'
  | 'sequence'
  | 'effectiveDate'
  | 'applicationNumber'
  | 'committedWorkingDays'
  | 'extensionWorkingDays'
  | 'acceptedOn'
  | 'pauses'
  | 'dueDate'
  | 'targetDate'
  | 'completedOn'
> & { helpers: string[] };

const ENDINGS: Record<string, ProcedureEndOutcome> = {
  APPROVED: 'APPROVED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  ALREADY_HELD: 'ALREADY_HELD',
};

/** An accepted application whose working-day clock runs (or is paused by a supplement request). */
export function hasRunningClock(
  p: ProcedureSnapshot,
): p is ProcedureSnapshot & { acceptedOn: string; committedWorkingDays: number } {
  return (
    (p.status === 'ACCEPTED' || p.status === 'SUPPLEMENT_REQUESTED') &&
    p.acceptedOn !== null &&
    p.committedWorkingDays !== null
  );
}

/** How the application ended, if it has. */
export function endingOf(p: ProcedureSnapshot): ProcedureEndOutcome | null {
  return ENDINGS[p.status] ?? null;
}

export function clockUpdateOf(
  p: ProcedureSnapshot & { acceptedOn: string; committedWorkingDays: number },
): ClockUpdate {
  return {
    sequence: p.sequence,
    facts: {
      acceptedOn: p.acceptedOn,
      committedWorkingDays: p.committedWorkingDays,
      extensionWorkingDays: p.extensionWorkingDays,
      pauses: p.pauses,
    },
  };
}
