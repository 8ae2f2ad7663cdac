import { createHash } from 'node:crypto';
import {
  PROCEDURE_CODES,
  flagBoardCard,
  type FlagBoardCard,
  type FlagBoardProcedure,
  type PublicBoardFlag,
} from '@banjie/contracts';
import {
  countsTowardsCompletionRate,
  hasBegunConstruction,
  isOnProjectList,
  type BoardFlag,
  type LocalDate,
} from '@banjie/domain';
import type { ProjectAsOf } from '../history/facts-as-of';
import type { ProcedureFacts } from '../history/public-facts';
import { acceptanceOf, dueDateOf, flagOf, type FlagRules } from './procedure-reading';

export type { FlagRules } from './procedure-reading';

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
  const acceptance = acceptanceOf(procedure, asOf, rules.calendar);
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
    ...(acceptance ? { acceptance } : {}),
    ...(procedure.deemedAccepted === true ? { deemedAccepted: true as const } : {}),
    completedOn: procedure.completedOn,
    documentNumber: procedure.documentNumber,
    ...(procedure.lateEntry === true ? { lateEntry: true as const } : {}),
  };
}

/** A stable fingerprint of a card: equal cards, equal hashes (the contract fixes the key order). */
export function cardHash(card: FlagBoardCard): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('base64url');
}
