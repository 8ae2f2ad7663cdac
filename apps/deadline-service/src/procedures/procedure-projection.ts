import type { PublicProcedureFields } from '@banjie/contracts';
import { endsApplication, hasClock } from '@banjie/domain';
import type { ClockUpdate, ProcedureEndOutcome } from '@banjie/workflows';

/** What the deadline service keeps of a procedure: the approval service's latest public snapshot and the helpers' logins. */
export type ProjectedProcedure = Pick<
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

/** An accepted application whose working-day clock runs (or is paused by a supplement request). */
export function hasRunningClock(
  p: ProjectedProcedure,
): p is ProjectedProcedure & { acceptedOn: string; committedWorkingDays: number } {
  return hasClock(p.status) && p.acceptedOn !== null && p.committedWorkingDays !== null;
}

/** How the application ended, if it has. */
export function endingOf(p: ProjectedProcedure): ProcedureEndOutcome | null {
  // The statuses that end an application are exactly the workflow's outcomes.
  return endsApplication(p.status) ? (p.status as ProcedureEndOutcome) : null;
}

export function clockUpdateOf(
  p: ProjectedProcedure & { acceptedOn: string; committedWorkingDays: number },
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
