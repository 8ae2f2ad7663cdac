import { LifecycleState } from '@banjie/contracts';
import type { LocalDate } from '@banjie/domain';
import type {
  ProcedureFacts,
  ProcedureHistoryEntry,
  ProjectFacts,
  ProjectHistoryEntry,
} from './public-facts';

export interface ProjectAsOf {
  facts: ProjectFacts;
  /** Where a SUSPENDED project returns to, from the lifecycle move that suspended it. */
  suspendedFrom: LifecycleState | null;
}

/**
 * The project as known on `asOf`: the snapshot with the highest revision among those in effect by
 * then. Arrival order does not matter (revisions order the snapshots), nor do duplicates.
 * Null when the project was not listed yet.
 */
export function projectAsOf(history: readonly ProjectHistoryEntry[], asOf: LocalDate): ProjectAsOf | null {
  const known = history.filter((entry) => entry.effectiveDate <= asOf);
  const latest = highest(known, (entry) => entry.revision);
  if (!latest) return null;
  return {
    facts: latest.facts,
    suspendedFrom:
      latest.facts.state === LifecycleState.SUSPENDED ? suspensionOrigin(known, latest.revision) : null,
  };
}

function suspensionOrigin(
  known: readonly ProjectHistoryEntry[],
  upToRevision: number,
): LifecycleState | null {
  const suspensions = known.filter(
    (entry) => entry.revision <= upToRevision && entry.facts.transition?.to === LifecycleState.SUSPENDED,
  );
  return highest(suspensions, (entry) => entry.revision)?.facts.transition?.from ?? null;
}

/** Each procedure as known on `asOf`: per procedure, the snapshot with the highest sequence in effect by then. */
export function proceduresAsOf(history: readonly ProcedureHistoryEntry[], asOf: LocalDate): ProcedureFacts[] {
  const latest = new Map<string, ProcedureHistoryEntry>();
  for (const entry of history) {
    if (entry.effectiveDate > asOf) continue;
    const current = latest.get(entry.facts.procedureId);
    if (!current || current.sequence < entry.sequence) latest.set(entry.facts.procedureId, entry);
  }
  return [...latest.values()].map((entry) => entry.facts);
}

function highest<T>(items: readonly T[], rank: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || rank(item) > rank(best) ? item : best),
    undefined,
  );
}
