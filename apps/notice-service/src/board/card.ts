import { createHash } from 'node:crypto';
import {
  PROCEDURE_CODES,
  flagBoardCard,
  type FlagBoardCard,
  type FlagBoardProcedure,
  type PublicBoardFlag,
} from '@banjie/contracts';
import {
  CalendarNotCoveredError,
  boardFlag,
  countsTowardsCompletionRate,
  hasBegunConstruction,
  hasClock,
  isOnProjectList,
  dueDateReading,
  procedureClock,
  type BoardFlag,
  type DueDateReading,
  type LocalDate,
  type ProcedureClockFacts,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { ProjectAsOf } from '../history/facts-as-of';
import type { ProcedureFacts } from '../history/public-facts';

/** How flags are coloured: the working-day calendar and the due-soon threshold. */
export interface FlagRules {
  calendar: WorkingDayCalendar;
  dueSoonWorkingDays: number;
}

// The domain's flags and the public contract's must be the same set, in both directions.
const sameFlags: [BoardFlag, PublicBoardFlag] extends [PublicBoardFlag, BoardFlag] ? true : never = true;
void sameFlags;

const catalogueOrder = new Map(PROCEDURE_CODES.map((code, index) => [code, index]));

/** The public card of one project on `asOf`, validated against the public contract (strict: nothing else gets through). */
export function buildCard(
  project: ProjectAsOf,
  procedures: readonly ProcedureFacts[],
  asOf: LocalDate,
  rules: FlagRules,
): FlagBoardCard {
  const { facts } = project;
  return flagBoardCard.parse({
    code: facts.code,
    name: facts.name,
    type: facts.type,
    cluster: facts.cluster,
    chain: facts.chain,
    location: facts.location,
    responsibleUnit: facts.responsibleUnit,
    totalInvestment: facts.totalInvestment,
    plannedStart: facts.plannedStart,
    state: facts.state,
    suspendedFrom: project.suspendedFrom,
    constructionBegun: hasBegunConstruction(facts.state, facts.type, project.suspendedFrom),
    onList: isOnProjectList(facts.state),
    listedOn: facts.listedOn,
    procedures: [...procedures]
      .sort((a, b) => catalogueOrder.get(a.procedure)! - catalogueOrder.get(b.procedure)!)
      .map((procedure) => procedureOnBoard(procedure, asOf, rules)),
  });
}

function procedureOnBoard(procedure: ProcedureFacts, asOf: LocalDate, rules: FlagRules): FlagBoardProcedure {
  // Not applicable or already held: outside the completion rate, and no date is committed for it.
  const heldOrExempt = !countsTowardsCompletionRate(procedure.status);
  const due = dueDateOf(procedure, rules.calendar);
  return {
    procedure: procedure.procedure,
    department: procedure.department,
    status: procedure.status,
    flag: flagOf(procedure, asOf, rules),
    committedDate: heldOrExempt ? null : (due.dueDate ?? procedure.targetDate),
    dueDate: due.dueDate,
    ...(due.provisional ? { dueDateProvisional: true } : {}),
    baselineDate: procedure.baselineDate,
    targetDate: procedure.targetDate,
    acceptedOn: procedure.acceptedOn,
    completedOn: procedure.completedOn,
    documentNumber: procedure.documentNumber,
    ...(procedure.lateEntry === true ? { lateEntry: true as const } : {}),
  };
}

/**
 * The due date by this service's copy of the published calendar (not the one an event carried:
 * a calendar change moves it without any procedure event), and whether it is provisional (暂定).
 */
function dueDateOf(procedure: ProcedureFacts, calendar: WorkingDayCalendar): DueDateReading {
  if (!hasClock(procedure.status) || procedure.acceptedOn === null || procedure.committedWorkingDays === null)
    return { dueDate: null, provisional: false };
  try {
    return dueDateReading(procedureClock(clockFactsOf(procedure)), calendar);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return { dueDate: null, provisional: false };
    throw error;
  }
}

function clockFactsOf(procedure: ProcedureFacts): ProcedureClockFacts {
  return {
    acceptedOn: procedure.acceptedOn as LocalDate | null,
    committedWorkingDays: procedure.committedWorkingDays ?? 0,
    extensionWorkingDays: procedure.extensionWorkingDays,
    pauses: procedure.pauses.map((pause) => ({
      from: pause.from as LocalDate,
      to: pause.to as LocalDate | null,
    })),
  };
}

/** Null only when the calendar cannot count the due date: the board never guesses a colour. */
function flagOf(procedure: ProcedureFacts, asOf: LocalDate, rules: FlagRules): BoardFlag | null {
  try {
    return boardFlag(
      { status: procedure.status, clock: clockFactsOf(procedure) },
      asOf,
      rules.dueSoonWorkingDays,
      rules.calendar,
    );
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}

/** A stable fingerprint of a card: equal cards, equal hashes (the contract fixes the key order). */
export function cardHash(card: FlagBoardCard): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('base64url');
}
