import { canSee, visibilityOf } from './procedure-visibility';

describe('procedure visibility of a procedure already read', () => {
  const eia = { department: 'EEB', ownerEnterpriseId: 'ENT-YUMEN', helperLogins: ['helper-li'] };

  it("lets a department see its own, an enterprise its projects', a helper its assigned projects' and the rest everything", () => {
    expect(canSee(visibilityOf({ sub: 'eeb-1', role: 'department', department: 'EEB' }), eia)).toBe(true);
    expect(canSee(visibilityOf({ sub: 'nrb-1', role: 'department', department: 'NRB' }), eia)).toBe(false);
    expect(canSee(visibilityOf({ sub: 'u', role: 'enterprise', enterpriseId: 'ENT-YUMEN' }), eia)).toBe(true);
    expect(canSee(visibilityOf({ sub: 'u', role: 'enterprise', enterpriseId: 'ENT-OTHER' }), eia)).toBe(
      false,
    );
    expect(canSee(visibilityOf({ sub: 'helper-li', role: 'helper' }), eia)).toBe(true);
    expect(canSee(visibilityOf({ sub: 'helper-zhang', role: 'helper' }), eia)).toBe(false);
    for (const role of ['admin', 'dispatch', 'supervisor'] as const)
      expect(canSee(visibilityOf({ sub: 'x', role }), eia)).toBe(true);
  });
});
