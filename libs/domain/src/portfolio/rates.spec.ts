import type { LifecycleState, ProcedureStatus } from '@banjie/contracts';
import { completionRatesBy, constructionRates, countsAsOf, procedureCompletionRate, rate } from './rates';

const withStatus = (...statuses: ProcedureStatus[]) => statuses.map((status) => ({ status }));

describe('rate', () => {
  it('rounds to three decimals, half up', () => {
    expect(rate(38, 46)).toBe(0.826);
    expect(rate(28, 81)).toBe(0.346);
    expect(rate(1, 3)).toBe(0.333);
    expect(rate(2, 3)).toBe(0.667);
    expect(rate(1, 8)).toBe(0.125);
    expect(rate(1, 16)).toBe(0.063); // 0.0625 rounds up
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(1);
  });

  it('is null, not 0, without a denominator', () => {
    expect(rate(0, 0)).toBeNull();
  });

  it('rejects negative or non-finite inputs', () => {
    expect(() => rate(-1, 3)).toThrow(RangeError);
    expect(() => rate(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('procedure completion rate', () => {
  it('counts APPROVED over everything but NOT_APPLICABLE and ALREADY_HELD', () => {
    const tally = procedureCompletionRate(
      withStatus(
        'APPROVED',
        'APPROVED',
        'ACCEPTED',
        'PLANNED',
        'REFUSED',
        'NOT_APPLICABLE',
        'ALREADY_HELD',
        'ALREADY_HELD',
      ),
    );
    expect(tally).toEqual({ applicable: 5, completed: 2, rate: 0.4 });
  });

  it('has no rate for zero procedures', () => {
    expect(procedureCompletionRate([])).toEqual({ applicable: 0, completed: 0, rate: null });
  });

  it('has no rate when every procedure is not applicable or already held', () => {
    expect(procedureCompletionRate(withStatus('NOT_APPLICABLE', 'ALREADY_HELD'))).toEqual({
      applicable: 0,
      completed: 0,
      rate: null,
    });
  });

  it('aggregates by a key, sorted by key', () => {
    const procedures = [
      { status: 'APPROVED' as const, cluster: 'NEW_ENERGY_EQUIPMENT', department: 'NRB' },
      { status: 'ACCEPTED' as const, cluster: 'NEW_ENERGY_EQUIPMENT', department: 'EEB' },
      { status: 'APPROVED' as const, cluster: 'MODERN_CHEMICALS', department: 'EEB' },
      { status: 'NOT_APPLICABLE' as const, cluster: 'OTHER', department: 'WAB' },
    ];
    expect(completionRatesBy(procedures, (p) => p.cluster)).toEqual([
      { key: 'MODERN_CHEMICALS', applicable: 1, completed: 1, rate: 1 },
      { key: 'NEW_ENERGY_EQUIPMENT', applicable: 2, completed: 1, rate: 0.5 },
      { key: 'OTHER', applicable: 0, completed: 0, rate: null },
    ]);
    expect(completionRatesBy(procedures, (p) => p.department).map((g) => [g.key, g.rate])).toEqual([
      ['EEB', 0.5],
      ['NRB', 1],
      ['WAB', null],
    ]);
    expect(completionRatesBy([], () => 'x')).toEqual([]);
  });
});

describe('construction rates', () => {
  it('reproduces the report: 38 of 46 continuing resumed, 28 of 81 new started', () => {
    const projects = [
      ...Array.from({ length: 30 }, () => ({
        type: 'CONTINUING' as const,
        state: 'RESUMED' as LifecycleState,
      })),
      ...Array.from({ length: 7 }, () => ({
        type: 'CONTINUING' as const,
        state: 'UNDER_CONSTRUCTION' as LifecycleState,
      })),
      {
        type: 'CONTINUING' as const,
        state: 'SUSPENDED' as LifecycleState,
        suspendedFrom: 'RESUMED' as LifecycleState,
      },
      ...Array.from({ length: 8 }, () => ({
        type: 'CONTINUING' as const,
        state: 'PREPARING' as LifecycleState,
      })),
      ...Array.from({ length: 28 }, () => ({ type: 'NEW' as const, state: 'STARTED' as LifecycleState })),
      ...Array.from({ length: 53 }, () => ({ type: 'NEW' as const, state: 'SIGNED' as LifecycleState })),
      // Off the list: not counted anywhere.
      { type: 'NEW' as const, state: 'CANCELLED' as LifecycleState },
      { type: 'CONTINUING' as const, state: 'REMOVED' as LifecycleState },
    ];
    const rates = constructionRates(projects);
    expect(rates.resume).toEqual({ total: 46, begun: 38, rate: 0.826 });
    expect(rates.start).toEqual({ total: 81, begun: 28, rate: 0.346 });
    expect(rates.overall).toEqual({ total: 127, begun: 66, rate: 0.52 });
  });

  it('has no rates for an empty list', () => {
    expect(constructionRates([]).resume).toEqual({ total: 0, begun: 0, rate: null });
  });
});

describe('countsAsOf', () => {
  it('counts a procedure from the day its project was listed and it existed, both included', () => {
    expect(countsAsOf({ listedOn: '2023-01-05', openedOn: '2023-01-06' }, '2023-01-06')).toBe(true);
    expect(countsAsOf({ listedOn: '2026-11-02', openedOn: '2023-01-06' }, '2023-03-28')).toBe(false);
    expect(countsAsOf({ listedOn: '2023-01-05', openedOn: '2023-03-29' }, '2023-03-28')).toBe(false);
  });

  it('excludes nothing for a day nobody recorded', () => {
    expect(countsAsOf({}, '2023-03-28')).toBe(true);
    expect(countsAsOf({ listedOn: null, openedOn: null }, '2023-03-28')).toBe(true);
  });
});
