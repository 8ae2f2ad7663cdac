import { PROCEDURE_ACTIONS, Role, type ProcedureAction } from '@banjie/contracts';
import { mayAct, ROLE_ACTIONS, type PermissionActor, type PermissionScope } from './procedure-permissions';

const procedure: PermissionScope = {
  department: 'NRB',
  projectEnterpriseId: 'ent-jisco',
  projectHelpers: ['helper-li'],
};

/** An actor of each role who is in scope for `procedure`. */
const inScope: Record<Role, PermissionActor> = {
  admin: { role: 'admin', sub: 'admin-1' },
  dispatch: { role: 'dispatch', sub: 'dispatch-1' },
  department: { role: 'department', sub: 'nrb-clerk', department: 'NRB' },
  helper: { role: 'helper', sub: 'helper-li' },
  supervisor: { role: 'supervisor', sub: 'leader-wang' },
  enterprise: { role: 'enterprise', sub: 'ent-user', enterpriseId: 'ent-jisco' },
  system: { role: 'system', sub: 'banjie' },
};

const expected: Record<Role, ProcedureAction[]> = {
  admin: ['mark-not-applicable', 'mark-already-held'],
  dispatch: [],
  department: [
    'accept',
    'request-supplement',
    'approve',
    'refuse',
    'extend',
    'mark-not-applicable',
    'mark-already-held',
    'begin-excluded-period',
    'end-excluded-period',
  ],
  helper: ['submit', 'resubmit', 'withdraw'],
  supervisor: [],
  enterprise: ['submit', 'resubmit', 'withdraw'],
  system: ['deem-accept'],
};

describe('procedure permissions', () => {
  describe.each(Object.values(Role))('role %s, in scope', (role) => {
    it.each(PROCEDURE_ACTIONS)('%s', (action) => {
      const decision = mayAct(inScope[role], procedure, action);
      expect(decision.allowed).toBe(expected[role].includes(action));
      if (!decision.allowed) expect(decision.reason).toBe('ROLE_MAY_NOT_PERFORM_ACTION');
    });
  });

  it('publishes the same matrix', () => {
    for (const role of Object.values(Role))
      expect([...ROLE_ACTIONS[role]].sort()).toEqual([...expected[role]].sort());
  });

  it('lets a department act only on its own procedures', () => {
    for (const action of expected.department) {
      expect(mayAct({ role: 'department', department: 'EEB' }, procedure, action)).toMatchObject({
        allowed: false,
        reason: 'NOT_OWN_DEPARTMENT',
      });
      expect(mayAct({ role: 'department' }, procedure, action)).toMatchObject({
        allowed: false,
        reason: 'NOT_OWN_DEPARTMENT',
      });
    }
  });

  it('lets an enterprise act only on its own project', () => {
    for (const action of expected.enterprise) {
      expect(mayAct({ role: 'enterprise', enterpriseId: 'ent-other' }, procedure, action)).toMatchObject({
        allowed: false,
        reason: 'NOT_PROJECT_ENTERPRISE',
      });
      expect(mayAct({ role: 'enterprise' }, procedure, action).allowed).toBe(false);
    }
  });

  it('lets a helper act only on a project it is assigned to', () => {
    for (const action of expected.helper) {
      expect(mayAct({ role: 'helper', sub: 'helper-zhang' }, procedure, action)).toMatchObject({
        allowed: false,
        reason: 'NOT_ASSIGNED_HELPER',
      });
      expect(mayAct({ role: 'helper' }, procedure, action).allowed).toBe(false);
    }
  });

  it('lets an admin mark any procedure, whatever its department', () => {
    expect(mayAct({ role: 'admin' }, { ...procedure, department: 'HCB' }, 'mark-already-held').allowed).toBe(
      true,
    );
  });

  it('explains a refusal', () => {
    const decision = mayAct({ role: 'supervisor' }, procedure, 'approve');
    expect(decision).toEqual({
      allowed: false,
      reason: 'ROLE_MAY_NOT_PERFORM_ACTION',
      message: 'the supervisor role may not approve a procedure',
    });
  });
});
