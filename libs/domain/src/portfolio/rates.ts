import { ProcedureStatus, ProjectType, type LifecycleState } from '@banjie/contracts/enums';
import Decimal from 'decimal.js';
import { hasBegunConstruction, isOnProjectList } from '../projects/project-lifecycle';

/**
 * numerator / denominator as a fraction rounded half-up to 3 decimals (38/46 → 0.826).
 * Returns null when the denominator is 0: "no data" is not 0 %, and must not be shown as such.
 */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`a rate needs finite non-negative numbers, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  return new Decimal(numerator).div(denominator).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toNumber();
}

export interface CompletionTally {
  /** Procedures that count: all except NOT_APPLICABLE and ALREADY_HELD. */
  readonly applicable: number;
  /** Of those, APPROVED (办结). */
  readonly completed: number;
  /** completed / applicable, 3 decimals; null when nothing is applicable. */
  readonly rate: number | null;
}

/**
 * The city's completion rate (办结率) of pre-construction procedures: APPROVED over all
 * procedures except NOT_APPLICABLE and ALREADY_HELD, which are states of their own and count
 * neither for nor against the rate. Refused and withdrawn procedures stay applicable (the
 * project still needs them) and are not completed.
 */
export function countsTowardsCompletionRate(status: ProcedureStatus): boolean {
  return status !== ProcedureStatus.NOT_APPLICABLE && status !== ProcedureStatus.ALREADY_HELD;
}

/** When a procedure came to count: the day its project was put on the list and the day it first existed (null: unknown). */
export interface CountedFrom {
  readonly listedOn?: string | null;
  readonly openedOn?: string | null;
}

/**
 * A rate as of a day counts only the procedures of projects listed by then (a project listed later
 * was not yet a key project) that existed by then. A day nobody recorded (data from before it was
 * kept) does not exclude anything.
 */
export function countsAsOf({ listedOn, openedOn }: CountedFrom, day: string): boolean {
  return (listedOn == null || listedOn <= day) && (openedOn == null || openedOn <= day);
}

export function procedureCompletionRate(
  procedures: readonly { readonly status: ProcedureStatus }[],
): CompletionTally {
  let applicable = 0;
  let completed = 0;
  for (const { status } of procedures) {
    if (!countsTowardsCompletionRate(status)) continue;
    applicable += 1;
    if (status === ProcedureStatus.APPROVED) completed += 1;
  }
  return { applicable, completed, rate: rate(completed, applicable) };
}

/** The completion rate per key (industry cluster, chain, department…), sorted by key. */
export function completionRatesBy<T extends { readonly status: ProcedureStatus }, K extends string>(
  procedures: readonly T[],
  keyOf: (procedure: T) => K,
): Array<{ readonly key: K } & CompletionTally> {
  const groups = new Map<K, T[]>();
  for (const procedure of procedures) {
    const key = keyOf(procedure);
    const group = groups.get(key);
    if (group) group.push(procedure);
    else groups.set(key, [procedure]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ key, ...procedureCompletionRate(group) }));
}

export interface ConstructionTally {
  /** Projects on the list (not cancelled, not removed). */
  readonly total: number;
  /** Of those, started (new) or resumed (continuing). */
  readonly begun: number;
  readonly rate: number | null;
}

export interface ConstructionRates {
  /** 复工率: continuing projects that have resumed. */
  readonly resume: ConstructionTally;
  /** 开工率: new projects that have started. */
  readonly start: ConstructionTally;
  /** Both kinds together. */
  readonly overall: ConstructionTally;
}

interface ProjectForRates {
  readonly type: ProjectType;
  readonly state: LifecycleState;
  readonly suspendedFrom?: LifecycleState | null;
}

/** Resume and start rates over the projects on the list. */
export function constructionRates(projects: readonly ProjectForRates[]): ConstructionRates {
  const tally = (type: ProjectType | null): ConstructionTally => {
    const onList = projects.filter((p) => isOnProjectList(p.state) && (type === null || p.type === type));
    const begun = onList.filter((p) => hasBegunConstruction(p.state, p.type, p.suspendedFrom)).length;
    return { total: onList.length, begun, rate: rate(begun, onList.length) };
  };
  return { resume: tally(ProjectType.CONTINUING), start: tally(ProjectType.NEW), overall: tally(null) };
}
