import { BadRequestException } from '@nestjs/common';
import { createChineseWorkingDayCalendar } from '@banjie/domain';
import { DomainException } from '@banjie/platform';
import { checkBackDatingGrace, lateEntryParty, lateEntryRefusal, recordedLateEntry } from './back-dating';

const calendar = createChineseWorkingDayCalendar();
const admin = { sub: 'admin-1', role: 'admin' } as const;
const eia = { department: 'EEB' } as const;
const project = { ownerEnterpriseId: 'ENT-YUMEN' };

function badRequestOf(run: () => unknown): { code: string; message: string[]; fields: { field: string }[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as {
      code: string;
      message: string[];
      fields: { field: string }[];
    };
  }
  throw new Error('expected a 400');
}

describe('back-dating rules', () => {
  it('lets any party date an action up to the grace in working days back (Monday 2023-03-27: Thursday yes, Wednesday no)', () => {
    expect(() => checkBackDatingGrace('2023-03-27', '2023-03-27', 2, calendar)).not.toThrow();
    expect(() => checkBackDatingGrace('2023-03-23', '2023-03-27', 2, calendar)).not.toThrow();
    const refused = badRequestOf(() => checkBackDatingGrace('2023-03-22', '2023-03-27', 2, calendar));
    expect(refused).toMatchObject({ code: 'BACKDATE_BEYOND_GRACE', fields: [{ field: 'effectiveDate' }] });
    expect(refused.message[0]).toMatch(
      /3 working days before today .*at most 2 working days back.*lateEntry/,
    );
  });

  it('counts working days with the calendar: the Spring Festival week does not use up the grace', () => {
    // 2023-01-20 (Fri) to 2023-01-30 (Mon): the holiday 21–27 Jan is not counted; the adjusted 28 and 29 Jan are.
    expect(() => checkBackDatingGrace('2023-01-27', '2023-01-30', 2, calendar)).toThrow(BadRequestException);
    expect(() => checkBackDatingGrace('2023-01-28', '2023-01-30', 2, calendar)).not.toThrow();
    expect(() => checkBackDatingGrace('2023-01-20', '2023-01-30', 2, calendar)).toThrow(BadRequestException);
  });

  it('allows only today in a year the calendar cannot count, and the ten months back of the security test never', () => {
    expect(() => checkBackDatingGrace('2999-01-04', '2999-01-04', 2, calendar)).not.toThrow();
    expect(
      badRequestOf(() => checkBackDatingGrace('2999-01-03', '2999-01-04', 2, calendar)).message[0],
    ).toContain('does not cover');
    expect(() => checkBackDatingGrace('2023-05-10', '2024-03-11', 2, calendar)).toThrow(BadRequestException);
    expect(() => checkBackDatingGrace('2023-03-22', '2023-03-27', 0, calendar)).toThrow(BadRequestException);
  });

  it('lets only an admin record a late entry (403 for anybody else)', () => {
    expect(lateEntryRefusal(admin)).toBeNull();
    for (const actor of [
      { sub: 'eeb-1', role: 'department', department: 'EEB' },
      { sub: 'e', role: 'enterprise', enterpriseId: 'ENT-YUMEN' },
      { sub: 'h', role: 'helper' },
    ] as const) {
      const refusal = lateEntryRefusal(actor);
      expect(refusal).toBeInstanceOf(DomainException);
      expect(refusal).toMatchObject({ kind: 'forbidden', code: 'LATE_ENTRY_ADMIN_ONLY' });
    }
  });

  it('records a late entry on behalf of the party the action belongs to', () => {
    const reason = { reason: '纸质档案补录' };
    expect(lateEntryParty(admin, reason, 'approve', eia, project, '2023-02-17')).toEqual({
      sub: 'admin-1',
      role: 'department',
      department: 'EEB',
    });
    expect(lateEntryParty(admin, reason, 'mark-already-held', eia, project, '2023-02-17')).toMatchObject({
      role: 'department',
      department: 'EEB',
    });
    expect(lateEntryParty(admin, reason, 'submit', eia, project, '2023-02-17')).toEqual({
      sub: 'admin-1',
      role: 'enterprise',
      enterpriseId: 'ENT-YUMEN',
    });
    expect(
      lateEntryParty(admin, { ...reason, helper: 'helper-li' }, 'resubmit', eia, project, '2023-02-17'),
    ).toEqual({ sub: 'helper-li', role: 'helper' });
    expect(
      badRequestOf(() =>
        lateEntryParty(admin, { ...reason, helper: 'helper-li' }, 'approve', eia, project, '2023-02-17'),
      ),
    ).toMatchObject({ fields: [{ field: 'lateEntry.helper' }] });
    expect(
      badRequestOf(() => lateEntryParty(admin, reason, 'approve', eia, project, undefined)),
    ).toMatchObject({ code: 'LATE_ENTRY_WITHOUT_DATE', fields: [{ field: 'effectiveDate' }] });
  });

  it('keeps why, the evidence and the party in the trail', () => {
    expect(
      recordedLateEntry(
        { reason: 'r', evidence: 'e' },
        { sub: 'admin-1', role: 'department', department: 'EEB' },
      ),
    ).toEqual({ reason: 'r', evidence: 'e', onBehalfOf: { role: 'department', department: 'EEB' } });
    expect(recordedLateEntry({ reason: 'r' }, { sub: 'helper-li', role: 'helper' })).toEqual({
      reason: 'r',
      evidence: null,
      onBehalfOf: { role: 'helper', helper: 'helper-li' },
    });
    expect(
      recordedLateEntry({ reason: 'r' }, { sub: 'admin-1', role: 'enterprise', enterpriseId: 'ENT-YUMEN' }),
    ).toEqual({ reason: 'r', evidence: null, onBehalfOf: { role: 'enterprise', enterpriseId: 'ENT-YUMEN' } });
  });
});
