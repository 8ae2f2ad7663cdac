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
    ['SUBMITTED', 'deem-accept', 'ACCEPTED'],
    ['SUBMITTED', 'request-supplement', 'SUBMITTED'],
    ['SUBMITTED', 'refuse', 'REFUSED'],
    ['SUBMITTED', 'withdraw', 'WITHDRAWN'],
    ['SUBMITTED', 'mark-not-applicable', 'NOT_APPLICABLE'],
    ['ACCEPTED', 'request-supplement', 'SUPPLEMENT_REQUESTED'],
    ['ACCEPTED', 'begin-excluded-period', 'ACCEPTED'],
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

  it('allows exactly the listed transitions (20) and nothing else', () => {
    let allowed = 0;
    for (const status of PROCEDURE_STATUSES)
      for (const action of PROCEDURE_ACTIONS) if (decide(at(status), action).ok) allowed += 1;
    expect(allowed).toBe(20);
  });

  describe('a supplement before acceptance (一次性告知)', () => {
    const asked = {
      status: 'SUBMITTED' as const,
      extensionsUsed: 0,
      preAcceptanceSupplement: { from: '2027-01-05', to: null },
    };
    const delivered = { ...asked, preAcceptanceSupplement: { from: '2027-01-05', to: '2027-01-08' } };

    it('while owed, only the applicant moves: resubmit, withdraw (or the plan drops the procedure)', () => {
      expect(allowedActions(asked)).toEqual(['resubmit', 'mark-not-applicable', 'withdraw']);
      expect(decide(asked, 'resubmit')).toMatchObject({ ok: true, next: 'SUBMITTED' });
      expect(decide(asked, 'accept')).toMatchObject({ ok: false, reason: 'NOT_ALLOWED_FROM_STATUS' });
      expect(decide(asked, 'deem-accept')).toMatchObject({ ok: false, reason: 'NOT_ALLOWED_FROM_STATUS' });
    });

    it('is asked once per submission: a second request is refused with its own reason, delivered or not', () => {
      for (const state of [asked, delivered])
        expect(decide(state, 'request-supplement')).toMatchObject({
          ok: false,
          reason: 'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED',
        });
    });

    it('once delivered, the department decides again within a new window (or the law deems it accepted)', () => {
      expect(allowedActions(delivered)).toEqual([
        'accept',
        'refuse',
        'mark-not-applicable',
        'withdraw',
        'deem-accept',
      ]);
    });
  });

  describe('an art. 45 excluded period', () => {
    const excluded = {
      status: 'ACCEPTED' as const,
      extensionsUsed: 0,
      pauses: [{ from: '2027-01-05', to: null, excludedReason: 'EXPERT_REVIEW' }],
    };

    it('is ended, or ends with the decision; no supplement request or second period on top of it', () => {
      expect(allowedActions(excluded)).toEqual([
        'approve',
        'refuse',
        'extend',
        'withdraw',
        'end-excluded-period',
      ]);
      expect(decide(excluded, 'begin-excluded-period').ok).toBe(false);
      expect(decide(excluded, 'request-supplement').ok).toBe(false);
    });

    it('closed periods do not hold the procedure', () => {
      const closed = {
        ...excluded,
        pauses: [{ from: '2027-01-05', to: '2027-01-12', excludedReason: 'HEARING' }],
      };
      expect(decide(closed, 'begin-excluded-period')).toMatchObject({ ok: true, next: 'ACCEPTED' });
      expect(decide(closed, 'end-excluded-period').ok).toBe(false);
    });
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
      allowed: ['request-supplement', 'approve', 'refuse', 'withdraw', 'begin-excluded-period'],
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
