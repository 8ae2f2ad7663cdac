import { LIFECYCLE_STATES, LifecycleState, ProjectType } from '@banjie/contracts/enums';

export interface LifecycleMachineState {
  readonly state: LifecycleState;
  readonly type: ProjectType;
  /** The state a SUSPENDED project returns to; null/absent otherwise. */
  readonly suspendedFrom?: LifecycleState | null;
}

export type LifecycleDecision =
  | {
      readonly ok: true;
      readonly next: LifecycleState;
      /** What to store as suspendedFrom after the transition (set on suspension, cleared otherwise). */
      readonly suspendedFrom: LifecycleState | null;
    }
  | { readonly ok: false; readonly allowed: LifecycleState[] };

const L = LifecycleState;

export const TERMINAL_LIFECYCLE_STATES: readonly LifecycleState[] = Object.freeze([
  L.COMPLETED,
  L.CANCELLED,
  L.REMOVED,
]);
const SUSPENDABLE: readonly LifecycleState[] = [L.PREPARING, L.STARTED, L.RESUMED, L.UNDER_CONSTRUCTION];
const CANCELLABLE: readonly LifecycleState[] = [L.SIGNED, L.PREPARING, L.SUSPENDED];

export function isTerminalLifecycleState(state: LifecycleState): boolean {
  return TERMINAL_LIFECYCLE_STATES.includes(state);
}

/** A new project starts (开工); a continuing one resumes (复工). */
export function constructionBeginState(type: ProjectType): LifecycleState {
  return type === ProjectType.NEW ? L.STARTED : L.RESUMED;
}

/** Where a project may be registered: a continuing project has already signed, so it may enter in PREPARING. */
export function initialLifecycleStates(type: ProjectType): LifecycleState[] {
  return type === ProjectType.CONTINUING ? [L.SIGNED, L.PREPARING] : [L.SIGNED];
}

/** The states reachable in one step, in the contracts' order. */
export function allowedTransitions(current: LifecycleMachineState): LifecycleState[] {
  const { state, type } = current;
  if (isTerminalLifecycleState(state)) return [];
  const targets = new Set<LifecycleState>([L.REMOVED]);
  if (CANCELLABLE.includes(state)) targets.add(L.CANCELLED);
  if (SUSPENDABLE.includes(state)) targets.add(L.SUSPENDED);
  switch (state) {
    case L.SIGNED:
      targets.add(L.PREPARING);
      break;
    case L.PREPARING:
      targets.add(constructionBeginState(type));
      break;
    case L.STARTED:
    case L.RESUMED:
      if (state === constructionBeginState(type)) targets.add(L.UNDER_CONSTRUCTION);
      break;
    case L.UNDER_CONSTRUCTION:
      targets.add(L.COMPLETED);
      break;
    case L.SUSPENDED:
      // Without a recorded origin the project can only be cancelled or removed, never resumed by guess.
      if (current.suspendedFrom && SUSPENDABLE.includes(current.suspendedFrom))
        targets.add(current.suspendedFrom);
      break;
  }
  return LIFECYCLE_STATES.filter((s) => targets.has(s));
}

export function decideTransition(current: LifecycleMachineState, to: LifecycleState): LifecycleDecision {
  const allowed = allowedTransitions(current);
  if (!allowed.includes(to)) return { ok: false, allowed };
  return { ok: true, next: to, suspendedFrom: to === L.SUSPENDED ? current.state : null };
}

/**
 * Whether the project counts as started (new) or resumed (continuing) for the city's rates: it
 * is in its begin state (STARTED / RESUMED), under construction or completed, or suspended from
 * one of those. A removed or cancelled project does not count.
 */
export function hasBegunConstruction(
  state: LifecycleState,
  type: ProjectType,
  suspendedFrom?: LifecycleState | null,
): boolean {
  const effective = state === L.SUSPENDED ? suspendedFrom : state;
  return (
    effective === constructionBeginState(type) ||
    effective === L.UNDER_CONSTRUCTION ||
    effective === L.COMPLETED
  );
}

/** On the key-project list: everything except projects cancelled or removed from it. */
export function isOnProjectList(state: LifecycleState): boolean {
  return state !== L.CANCELLED && state !== L.REMOVED;
}
