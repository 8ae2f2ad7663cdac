import { DEPARTMENT_CODES, type DepartmentCode, type PublicDepartmentRecord } from '@banjie/contracts';
import { rate, type LocalDate } from '@banjie/domain';
import type { ProcedureFacts } from '../history/public-facts';
import {
  acceptanceOf,
  acceptedAfterWindow,
  clockDueDate,
  flagOf,
  usedWorkingDays,
  type FlagRules,
} from '../board/procedure-reading';

/** One completed procedure, as its department's record counts it. */
interface Completion {
  withinLimit: boolean;
  usedWorkingDays: number;
  committedWorkingDays: number;
}

/**
 * Each department's record of kept promises on `asOf`, from the procedures as they stood that day
 * (each procedure's current application): pure arithmetic over public facts, with the board's rules.
 */
export function departmentRecords(
  procedures: readonly ProcedureFacts[],
  asOf: LocalDate,
  rules: FlagRules,
): PublicDepartmentRecord[] {
  return DEPARTMENT_CODES.map((department) =>
    departmentRecord(
      department,
      procedures.filter((procedure) => procedure.department === department),
      asOf,
      rules,
    ),
  );
}

function departmentRecord(
  department: DepartmentCode,
  procedures: readonly ProcedureFacts[],
  asOf: LocalDate,
  rules: FlagRules,
): PublicDepartmentRecord {
  const completions = procedures.flatMap((procedure) => {
    const completion = completionOf(procedure, rules);
    return completion ? [completion] : [];
  });
  const withinLimit = completions.filter((completion) => completion.withinLimit).length;
  const waiting = procedures.filter((procedure) => procedure.status === 'SUBMITTED');
  return {
    department,
    completed: completions.length,
    completedWithinLimit: withinLimit,
    withinLimitRate: rate(withinLimit, completions.length),
    medianUsedWorkingDays: median(completions.map((completion) => completion.usedWorkingDays)),
    medianCommittedWorkingDays: median(completions.map((completion) => completion.committedWorkingDays)),
    deemedAccepted: procedures.filter(
      (procedure) => procedure.deemedAccepted === true && procedure.acceptedOn !== null,
    ).length,
    acceptedAfterWindow: procedures.filter((procedure) => acceptedAfterWindow(procedure, rules.calendar))
      .length,
    waitingForAcceptance: waiting.length,
    waitingPastWindow: waiting.filter(
      (procedure) => acceptanceOf(procedure, asOf, rules.calendar)?.state === 'LAPSED',
    ).length,
    overdue: procedures.filter((procedure) => flagOf(procedure, asOf, rules) === 'RED').length,
  };
}

/**
 * An approved procedure with an accepted application: within the limit when approved by the last
 * day of it (by this service's calendar, moved by supplements, art. 45 periods and extensions);
 * used = the working days counted against the limit from acceptance to approval.
 */
function completionOf(procedure: ProcedureFacts, rules: FlagRules): Completion | null {
  const { completedOn, committedWorkingDays } = procedure;
  if (procedure.status !== 'APPROVED' || completedOn === null || committedWorkingDays === null) return null;
  const used = usedWorkingDays(procedure, completedOn as LocalDate, rules.calendar);
  if (used === null) return null;
  const dueDate = clockDueDate(procedure, rules.calendar).dueDate;
  return {
    withinLimit: dueDate !== null && completedOn <= dueDate,
    usedWorkingDays: used,
    committedWorkingDays,
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
