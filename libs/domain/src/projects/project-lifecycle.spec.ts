import { LIFECYCLE_STATES, type LifecycleState, type ProjectType } from '@banjie/contracts';
import fc from 'fast-check';
import {
  allowedTransitions,
  decideTransition,
  hasBegunConstruction,
  initialLifecycleStates,
  isOnProjectList,
  isTerminalLifecycleState,
} from './project-lifecycle';

const NEW: ProjectType = 'NEW';
const CONT: ProjectType = 'CONTINUING';

describe('project lifecycle', () => {
  it('walks a new project from signing to completion through STARTED', () => {
    let current = {
      state: 'SIGNED' as LifecycleState,
      type: NEW,
      suspendedFrom: null as LifecycleState | null,
    };
    for (const to of ['PREPARING', 'STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED'] as const) {
      const decision = decideTransition(current, to);
      expect(decision).toEqual({ ok: true, next: to, suspendedFrom: null });
      current = { ...current, state: to };
    }
  });

  it('lets only new projects start and only continuing projects resume', () => {
    expect(decideTransition({ state: 'PREPARING', type: NEW }, 'RESUMED')).toEqual({
      ok: false,
      allowed: ['STARTED', 'SUSPENDED', 'CANCELLED', 'REMOVED'],
    });
    expect(decideTransition({ state: 'PREPARING', type: CONT }, 'STARTED').ok).toBe(false);
    expect(decideTransition({ state: 'PREPARING', type: CONT }, 'RESUMED').ok).toBe(true);
    expect(decideTransition({ state: 'RESUMED', type: CONT }, 'UNDER_CONSTRUCTION').ok).toBe(true);
  });

  it('does not skip stages', () => {
    expect(decideTransition({ state: 'SIGNED', type: NEW }, 'STARTED').ok).toBe(false);
    expect(decideTransition({ state: 'STARTED', type: NEW }, 'COMPLETED').ok).toBe(false);
  });

  it('suspends from a working state and returns to it', () => {
    const suspended = decideTransition({ state: 'UNDER_CONSTRUCTION', type: NEW }, 'SUSPENDED');
    expect(suspended).toEqual({ ok: true, next: 'SUSPENDED', suspendedFrom: 'UNDER_CONSTRUCTION' });
    const here = { state: 'SUSPENDED' as const, type: NEW, suspendedFrom: 'UNDER_CONSTRUCTION' as const };
    expect(allowedTransitions(here)).toEqual(['UNDER_CONSTRUCTION', 'CANCELLED', 'REMOVED']);
    expect(decideTransition(here, 'UNDER_CONSTRUCTION')).toEqual({
      ok: true,
      next: 'UNDER_CONSTRUCTION',
      suspendedFrom: null,
    });
    expect(decideTransition(here, 'PREPARING').ok).toBe(false);
    expect(decideTransition({ state: 'SIGNED', type: NEW }, 'SUSPENDED').ok).toBe(false);
  });

  it('cannot resume a suspension whose origin is unknown', () => {
    expect(allowedTransitions({ state: 'SUSPENDED', type: CONT })).toEqual(['CANCELLED', 'REMOVED']);
  });

  it('cancels only from SIGNED, PREPARING or SUSPENDED, and removes from any non-terminal state', () => {
    const cancellable = LIFECYCLE_STATES.filter(
      (state) => decideTransition({ state, type: NEW, suspendedFrom: 'PREPARING' }, 'CANCELLED').ok,
    );
    expect(cancellable).toEqual(['SIGNED', 'PREPARING', 'SUSPENDED']);
    const removable = LIFECYCLE_STATES.filter(
      (state) => decideTransition({ state, type: NEW }, 'REMOVED').ok,
    );
    expect(removable).toEqual([
      'SIGNED',
      'PREPARING',
      'STARTED',
      'RESUMED',
      'UNDER_CONSTRUCTION',
      'SUSPENDED',
    ]);
  });

  it('registers a continuing project directly in PREPARING, a new one only in SIGNED', () => {
    expect(initialLifecycleStates(CONT)).toEqual(['SIGNED', 'PREPARING']);
    expect(initialLifecycleStates(NEW)).toEqual(['SIGNED']);
  });

  it('never leaves a terminal state (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(NEW, CONT),
        fc.array(fc.constantFrom(...LIFECYCLE_STATES), { maxLength: 30 }),
        (type, targets) => {
          let current: { state: LifecycleState; type: ProjectType; suspendedFrom: LifecycleState | null } = {
            state: 'SIGNED',
            type,
            suspendedFrom: null,
          };
          for (const to of targets) {
            const decision = decideTransition(current, to);
            if (isTerminalLifecycleState(current.state)) expect(decision).toEqual({ ok: false, allowed: [] });
            if (decision.ok) current = { state: decision.next, type, suspendedFrom: decision.suspendedFrom };
            else expect(decision.allowed).not.toContain(to);
            expect(current.state === 'STARTED' && type === CONT).toBe(false);
            expect(current.state === 'RESUMED' && type === NEW).toBe(false);
          }
        },
      ),
    );
  });

  describe('hasBegunConstruction (start / resume rates)', () => {
    it.each<[LifecycleState, ProjectType, LifecycleState | null, boolean]>([
      ['RESUMED', CONT, null, true],
      ['UNDER_CONSTRUCTION', CONT, null, true],
      ['COMPLETED', CONT, null, true],
      ['SUSPENDED', CONT, 'RESUMED', true],
      ['SUSPENDED', CONT, 'PREPARING', false],
      ['PREPARING', CONT, null, false],
      ['STARTED', NEW, null, true],
      ['UNDER_CONSTRUCTION', NEW, null, true],
      ['SUSPENDED', NEW, 'UNDER_CONSTRUCTION', true],
      ['SIGNED', NEW, null, false],
      ['CANCELLED', NEW, null, false],
      ['REMOVED', CONT, null, false],
    ])('%s %s (suspended from %s) → %s', (state, type, from, expected) => {
      expect(hasBegunConstruction(state, type, from)).toBe(expected);
    });

    it('keeps cancelled and removed projects off the list', () => {
      expect(LIFECYCLE_STATES.filter((s) => !isOnProjectList(s))).toEqual(['CANCELLED', 'REMOVED']);
    });
  });
});
