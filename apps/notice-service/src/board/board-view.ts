import {
  PUBLIC_ACCEPTANCE_STATES,
  PUBLIC_BOARD_FLAGS,
  type DepartmentCode,
  type FlagBoardCard,
  type IndustryCluster,
  type PublicAcceptanceState,
  type PublicBoardFlag,
} from '@banjie/contracts';
import {
  COMPLETION_RATE_TARGET,
  constructionRates,
  procedureCompletionRate,
  PROCEDURE_DEFINITIONS,
  type ConstructionTally,
} from '@banjie/domain';

export interface BoardFilters {
  cluster?: IndustryCluster;
  chain?: string;
  department?: DepartmentCode;
  flag?: PublicBoardFlag;
}

export interface BoardSummary {
  /** Projects on the board (on the list, matching the filters). */
  projects: number;
  /** 办结率: approved ÷ required (already-held and not-applicable procedures count in neither). */
  completion: { applicable: number; completed: number; rate: number | null; target: number };
  /** 复工率 (continuing projects) and 开工率 (new projects). */
  resume: ConstructionTally;
  start: ConstructionTally;
  /** How many procedures show each flag. */
  flags: Record<PublicBoardFlag, number>;
  /** Of the GREY ones, how many are submitted and wait for acceptance, by where they stand (their own state on the page). */
  acceptance: Record<PublicAcceptanceState, number>;
}

export interface BoardView {
  /** The day the flags are computed for (Asia/Shanghai). */
  asOf: string;
  dueSoonWorkingDays: number;
  filters: BoardFilters;
  /** The last change of the board this view includes (null for a past day's board): SSE resumes after it. */
  lastChangeId: number | null;
  /** When a card last changed (null for a past day's board). */
  updatedAt: string | null;
  /** The board's columns: the 11 procedures of the catalogue. */
  columns: { procedure: string; nameZh: string; department: string }[];
  summary: BoardSummary;
  projects: FlagBoardCard[];
}

const COLUMNS = PROCEDURE_DEFINITIONS.map((definition) => ({
  procedure: definition.code,
  nameZh: definition.nameZh,
  department: definition.department,
}));

/** The procedures of a card a filter looks at: all of them, or one department's. */
function proceduresInView(card: FlagBoardCard, filters: BoardFilters) {
  return filters.department
    ? card.procedures.filter((procedure) => procedure.department === filters.department)
    : card.procedures;
}

/**
 * Whether a card is on the board as filtered: on the list, in the cluster and chain, with at least
 * one procedure of the department, and at least one (of that department's) showing the flag.
 */
export function isOnBoard(card: FlagBoardCard, filters: BoardFilters): boolean {
  if (!card.onList) return false;
  if (filters.cluster && card.cluster !== filters.cluster) return false;
  if (filters.chain && card.chain !== filters.chain) return false;
  const procedures = proceduresInView(card, filters);
  if (filters.department && procedures.length === 0) return false;
  return !filters.flag || procedures.some((procedure) => procedure.flag === filters.flag);
}

/** The header figures over the cards on the board (with a department filter: that department's procedures). */
export function summarize(cards: readonly FlagBoardCard[], filters: BoardFilters): BoardSummary {
  const procedures = cards.flatMap((card) => proceduresInView(card, filters));
  const flags = zeroes(PUBLIC_BOARD_FLAGS);
  const acceptance = zeroes(PUBLIC_ACCEPTANCE_STATES);
  for (const procedure of procedures) {
    if (procedure.flag) flags[procedure.flag] += 1;
    if (procedure.acceptance) acceptance[procedure.acceptance.state] += 1;
  }
  const construction = constructionRates(cards);
  return {
    projects: cards.length,
    completion: { ...procedureCompletionRate(procedures), target: COMPLETION_RATE_TARGET },
    resume: construction.resume,
    start: construction.start,
    flags,
    acceptance,
  };
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** The cards on the board as filtered, by project code. */
export function cardsOnBoard(allCards: readonly FlagBoardCard[], filters: BoardFilters): FlagBoardCard[] {
  return allCards
    .filter((card) => isOnBoard(card, filters))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function boardView(
  allCards: readonly FlagBoardCard[],
  filters: BoardFilters,
  meta: Pick<BoardView, 'asOf' | 'dueSoonWorkingDays' | 'lastChangeId' | 'updatedAt'>,
): BoardView {
  const projects = cardsOnBoard(allCards, filters);
  return { ...meta, filters, columns: COLUMNS, summary: summarize(projects, filters), projects };
}
