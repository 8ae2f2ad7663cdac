import { auditTrailFor, readsOnlyPublicAudit } from './audit-view';
import type { AuditRow } from './audit.repository';

describe('audit trail views', () => {
  const applied: AuditRow = {
    id: 7,
    procedureId: 'BJ-2023-0001-EIA',
    projectCode: 'BJ-2023-0001',
    action: 'request-supplement',
    outcome: 'APPLIED',
    actor: 'eeb-clerk-wang',
    actorRole: 'department',
    actorDepartment: 'EEB',
    actorEnterpriseId: null,
    fromStatus: 'ACCEPTED',
    toStatus: 'SUPPLEMENT_REQUESTED',
    sequence: 4,
    reason: '内部：领导批示暂缓',
    supplementReason: 'MISSING_DOCUMENT',
    excludedReason: null,
    note: '缺少监测报告（科员备注）',
    documentNumber: null,
    extensionDays: null,
    effectiveDate: '2023-01-30',
    refusalCode: null,
    refusalMessage: null,
    idempotencyKey: 'k-1',
    correlationId: 'c-1',
    lateEntry: {
      reason: '纸质档案补录',
      evidence: '扫描件',
      onBehalfOf: { role: 'department', department: 'EEB' },
    },
    recordedAt: new Date('2026-11-30T01:00:00.000Z'),
  };
  const denied: AuditRow = {
    ...applied,
    id: 8,
    outcome: 'DENIED',
    actor: 'nrb-clerk',
    refusalCode: 'NOT_OWN_DEPARTMENT',
    lateEntry: null,
  };

  const pageOf = (items: AuditRow[]) => ({ items, total: items.length, page: 1, pageSize: 50 });
  const enterprise = { sub: 'u', role: 'enterprise', enterpriseId: 'ENT-YUMEN' } as const;

  it('reads an enterprise only the applied changes, showing only what the public contract carries', () => {
    expect(readsOnlyPublicAudit(enterprise)).toBe(true);
    expect(auditTrailFor(enterprise, pageOf([applied])).items).toEqual([
      {
        id: 7,
        procedureId: 'BJ-2023-0001-EIA',
        projectCode: 'BJ-2023-0001',
        action: 'request-supplement',
        fromStatus: 'ACCEPTED',
        toStatus: 'SUPPLEMENT_REQUESTED',
        sequence: 4,
        effectiveDate: '2023-01-30',
        supplementReason: 'MISSING_DOCUMENT',
        excludedReason: null,
        documentNumber: null,
        extensionDays: null,
        recordedAt: new Date('2026-11-30T01:00:00.000Z'),
        lateEntry: true,
      },
    ]);
  });

  it('tells an enterprise plainly when the system itself acted (a deemed acceptance), and no more', () => {
    const deemed: AuditRow = {
      ...applied,
      id: 9,
      action: 'deem-accept',
      actor: 'system',
      actorRole: 'system',
      actorDepartment: null,
      fromStatus: 'SUBMITTED',
      toStatus: 'ACCEPTED',
      reason: '《中华人民共和国行政许可法》第三十二条：受理期限届满未作决定，自收到申请材料之日起即为受理',
      supplementReason: null,
      note: null,
      lateEntry: null,
    };
    const [row] = auditTrailFor(enterprise, pageOf([deemed])).items;
    expect(row).toMatchObject({
      action: 'deem-accept',
      actor: 'system',
      actorRole: 'system',
      lateEntry: false,
    });
    expect(row).not.toHaveProperty('reason');
    expect(auditTrailFor(enterprise, pageOf([applied])).items[0]).not.toHaveProperty('actor');
  });

  it('shows the government side the whole trail', () => {
    for (const actor of [
      { sub: 'eeb', role: 'department', department: 'EEB' },
      { sub: 'helper-li', role: 'helper' },
      { sub: 'a', role: 'admin' },
    ] as const) {
      expect(readsOnlyPublicAudit(actor)).toBe(false);
      expect(auditTrailFor(actor, pageOf([applied, denied]))).toEqual(pageOf([applied, denied]));
    }
  });
});
