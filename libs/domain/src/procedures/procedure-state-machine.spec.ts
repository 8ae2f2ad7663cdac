import {
  PROCEDURE_ACTIONS,
  PROCEDURE_STATUSES,
  type ProcedureAction,
  type ProcedureStatus,
} from '@banjie/contracts';
import fc from 'fast-check';
import {
  allowedActions,
  decide,
  isTerminalProcedureStatus,
  TERMINAL_PROCEDURE_STATUSES,
} from './procedure-state-machine';

const at = (status: ProcedureStatus, extensionsUsed = 0) => ({ status, extensionsUsed });

describe('procedure state machine', () => {
  it.each<[ProcedureStatus, ProcedureAction, ProcedureStatus]>([
    ['PLANNED', 'submit', 'SUBMITTED'],
    ['PLANNED', 'mark-not-applicable', 'NOT_APPLICABLE'],
    ['PLANNED', 'mark-already-held', 'ALREADY_HELD'],
    ['SUBMITTED', 'accept', 'ACCEPTED'],
    ['SUBMITTED', 'withdraw', 'WITHDRAWN'],
    ['SUBMITTED', 'mark-not-applicable', 'NOT_APPLICABLE'],
    ['ACCEPTED', 'request-supplement', 'SUPPLEMENT_REQUESTED'],
    ['ACCEPTED', 'approve', 'APPROVED'],
    ['ACCEPTED', 'refuse', 'REFUSED'],
    ['ACCEPTED', 'extend', 'ACCEPTED'],
    ['ACCEPTED', 'withdraw', 'WITHDRAWN'],
    ['SUPPLEMENT_REQUESTED', 'resubmit', 'ACCEPTED'],
    ['SUPPLEMENT_REQUESTED', 'extend', 'SUPPLEMENT_REQUESTED'],
    ['SUPPLEMENT_REQUESTED', 'withdraw', 'WITHDRAWN'],
    ['REFUSED', 'submit', 'SUBMITTED'],
    ['WITHDRAWN', 'submit', 'SUBMITTED'],
  ])('%s -%s-> %s', (from, action, to) => {
    expect(decide(at(from), action)).toMatchObject({ ok: true, next: to });
  });

  it('allows exactly the listed transitions (16) and nothing else', () => {
    let allowed = 0;
    for (const status of PROCEDURE_STATUSES)
      for (const action of PROCEDURE_ACTIONS) if (decide(at(status), action).ok) allowed += 1;
    expect(allowed).toBe(16);
  });

  it('refuses with the actions allowed from here', () => {
    expect(decide(at('PLANNED'), 'approve')).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED_FROM_STATUS',
      allowed: ['submit', 'mark-not-applicable', 'mark-already-held'],
    });
    expect(decide(at('SUPPLEMENT_REQUESTED'), 'approve')).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED_FROM_STATUS',
      allowed: ['resubmit', 'extend', 'withdraw'],
    });
    expect(decide(at('APPROVED'), 'submit')).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED_FROM_STATUS',
      allowed: [],
    });
  });

  it('extends only once per application', () => {
    const first = decide(at('ACCEPTED', 0), 'extend');
    expect(first).toEqual({ ok: true, next: 'ACCEPTED', extensionsUsed: 1, newApplication: false });
    expect(decide(at('ACCEPTED', 1), 'extend')).toEqual({
      ok: false,
      reason: 'EXTENSION_ALREADY_USED',
      allowed: ['request-supplement', 'approve', 'refuse', 'withdraw'],
    });
    expect(allowedActions(at('SUPPLEMENT_REQUESTED', 1))).toEqual(['resubmit', 'withdraw']);
    // Other actions carry the count along.
    expect(decide(at('ACCEPTED', 1), 'request-supplement')).toMatchObject({ ok: true, extensionsUsed: 1 });
  });

  it('starts a new application (extensions reset) when re-applying after refusal or withdrawal', () => {
    expect(decide(at('REFUSED', 1), 'submit')).toEqual({
      ok: true,
      next: 'SUBMITTED',
      extensionsUsed: 0,
      newApplication: true,
    });
    expect(decide(at('WITHDRAWN', 1), 'submit')).toMatchObject({ newApplication: true, extensionsUsed: 0 });
    expect(decide(at('PLANNED'), 'submit')).toMatchObject({ newApplication: false });
  });

  it('treats APPROVED, NOT_APPLICABLE and ALREADY_HELD as terminal, and REFUSED/WITHDRAWN as not', () => {
    expect([...TERMINAL_PROCEDURE_STATUSES].sort()).toEqual(['ALREADY_HELD', 'APPROVED', 'NOT_APPLICABLE']);
    expect(isTerminalProcedureStatus('REFUSED')).toBe(false);
    expect(isTerminalProcedureStatus('WITHDRAWN')).toBe(false);
  });

  it('never leaves a terminal state and keeps extensions within the ceiling (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROCEDURE_ACTIONS), { maxLength: 40 }), (actions) => {
        let state = at('PLANNED');
        for (const action of actions) {
          const wasTerminal = isTerminalProcedureStatus(state.status);
          const decision = decide(state, action);
          expect(decision.ok ? allowedActions(state) : decision.allowed).toEqual(allowedActions(state));
          if (wasTerminal) expect(decision.ok).toBe(false);
          if (decision.ok) {
            expect(allowedActions(state)).toContain(action);
            state = { status: decision.next, extensionsUsed: decision.extensionsUsed };
          } else {
            expect(decision.allowed).not.toContain(action);
          }
          expect(state.extensionsUsed).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
