import { UnprocessableEntityException } from '@nestjs/common';
import { callerOf, fingerprintOf, replay } from './idempotency';

describe('idempotency', () => {
  const request = {
    procedureId: 'BJ-2023-0001-EIA',
    action: 'approve',
    body: { documentNumber: 'D-1', effectiveDate: '2023-03-01' },
  };

  it('fingerprints the request regardless of field order, and tells different requests apart', () => {
    const reordered = { ...request, body: { effectiveDate: '2023-03-01', documentNumber: 'D-1' } };
    expect(fingerprintOf(reordered)).toBe(fingerprintOf(request));
    expect(
      fingerprintOf({ ...request, body: { documentNumber: 'D-2', effectiveDate: '2023-03-01' } }),
    ).not.toBe(fingerprintOf(request));
    expect(fingerprintOf({ ...request, action: 'refuse' })).not.toBe(fingerprintOf(request));
    expect(fingerprintOf({ ...request, ifMatch: 3 })).not.toBe(fingerprintOf(request));
  });

  it('replays the stored response for the same request and refuses another one with 422 naming the header', () => {
    const stored = { fingerprint: fingerprintOf(request), statusCode: 200, body: { sequence: 5 } };
    expect(replay(stored, fingerprintOf(request))).toEqual({
      statusCode: 200,
      body: { sequence: 5 },
      replayed: true,
    });
    let error: unknown;
    try {
      replay(stored, fingerprintOf({ ...request, action: 'refuse' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    expect(JSON.stringify((error as UnprocessableEntityException).getResponse())).toContain(
      'Idempotency-Key',
    );
  });

  it('scopes keys to the caller', () => {
    expect(callerOf({ role: 'department', sub: 'eeb-1', department: 'EEB' })).not.toBe(
      callerOf({ role: 'helper', sub: 'eeb-1' }),
    );
  });
});

describe('idempotency key scope', () => {
  it('tells apart callers who share a subject but not their enterprise or department', () => {
    expect(callerOf({ role: 'enterprise', sub: 'applicant', enterpriseId: 'ENT-A' })).not.toBe(
      callerOf({ role: 'enterprise', sub: 'applicant', enterpriseId: 'ENT-B' }),
    );
    expect(callerOf({ role: 'department', sub: 'clerk', department: 'EEB' })).not.toBe(
      callerOf({ role: 'department', sub: 'clerk', department: 'NRB' }),
    );
    expect(callerOf({ role: 'enterprise', sub: 'a:b', enterpriseId: 'c' })).not.toBe(
      callerOf({ role: 'enterprise', sub: 'a', enterpriseId: 'b:c' }),
    );
    expect(callerOf({ role: 'helper', sub: 'helper-li' })).toBe(
      callerOf({ role: 'helper', sub: 'helper-li' }),
    );
  });
});
