import { createChineseWorkingDayCalendar, parseLocalDate, type AppliedChange } from '@banjie/domain';
import { readTimeline } from '../timeline/timeline-reading';
import { delayReport, NO_CHAIN, type ReportedProcedure } from './delay-report';

const calendar = createChineseWorkingDayCalendar();
const ASOF = parseLocalDate('2023-03-31');
const change = (action: string, day: string, extra: Partial<AppliedChange> = {}): AppliedChange => ({
  action,
  effectiveDate: parseLocalDate(day),
  ...extra,
});
const procedure = (overrides: Partial<ReportedProcedure>): ReportedProcedure => ({
  procedureId: 'BJ-2023-0001-EIA',
  projectCode: 'BJ-2023-0001',
  projectName: '可降解材料项目',
  chain: '现代化工',
  procedure: 'EIA',
  department: 'EEB',
  ...overrides,
});
const entry = (overrides: Partial<ReportedProcedure>, changes: AppliedChange[], limit = 10) => ({
  procedure: procedure(overrides),
  reading: readTimeline(changes, ASOF, limit, calendar),
});

// March 2023 has no holiday. EEB's EIA: submitted 1 Mar, accepted 3 Mar (2 days waiting), a
// supplement 7 → 9 Mar (2), approved 17 Mar: 8 of its 10 days counted (6, 7, 10, 13–17 Mar).
const eebOnTime = entry({}, [
  change('submit', '2023-03-01'),
  change('accept', '2023-03-03'),
  change('request-supplement', '2023-03-07'),
  change('resubmit', '2023-03-09'),
  change('approve', '2023-03-17'),
]);
// NRB's LAND_USE of another project without a chain: submitted 1 Mar, never decided, deemed
// accepted on 9 Mar as of 1 Mar; limit 5 → 2–8 Mar processing, 9–31 Mar overdue (17 days).
const nrbDeemed = entry(
  {
    procedureId: 'BJ-2023-0002-LAND_USE',
    projectCode: 'BJ-2023-0002',
    projectName: null,
    chain: null,
    procedure: 'LAND_USE',
    department: 'NRB',
  },
  [change('submit', '2023-03-01'), change('deem-accept', '2023-03-09')],
  5,
);
// EEB's SAFETY of project 1, submitted 29 Mar and waiting: 30, 31 Mar awaiting acceptance.
const eebWaiting = entry({ procedureId: 'BJ-2023-0001-SAFETY', procedure: 'SAFETY' }, [
  change('submit', '2023-03-29'),
]);
// A procedure counted in a year the calendar does not cover.
const uncounted = entry({ procedureId: 'BJ-2023-0003-EIA', projectCode: 'BJ-2023-0003' }, [
  change('submit', '1999-03-01'),
]);

describe('the delay report: who held the time, summed by group', () => {
  it('sums each department’s procedures and sorts by the department’s days, most first', () => {
    const report = delayReport([eebOnTime, nrbDeemed, eebWaiting], 'department');
    expect(report.groups.map((g) => [g.key, g.byHolder.DEPARTMENT])).toEqual([
      ['NRB', 22],
      ['EEB', 12],
    ]);
    const [nrb, eeb] = report.groups;
    expect(eeb).toMatchObject({
      procedures: 2,
      awaitingAcceptance: 1,
      deemedAcceptances: 0,
      committedWorkingDays: 20,
      usedWorkingDays: 8,
      overdueProcedures: 0,
      overdueWorkingDays: 0,
      byHolder: { DEPARTMENT: 12, ENTERPRISE: 2, NOBODY: 0 },
      byPhase: {
        AWAITING_ACCEPTANCE: 4,
        PROCESSING: 8,
        EXTENSION: 0,
        OVERDUE: 0,
        SUPPLEMENT: 2,
        EXCLUDED: 0,
      },
    });
    expect(nrb).toMatchObject({
      procedures: 1,
      awaitingAcceptance: 0,
      deemedAcceptances: 1,
      committedWorkingDays: 5,
      usedWorkingDays: 22,
      overdueProcedures: 1,
      overdueWorkingDays: 17,
      byPhase: { AWAITING_ACCEPTANCE: 0, PROCESSING: 5, OVERDUE: 17 },
    });
    expect(report.totals).toMatchObject({
      key: 'ALL',
      procedures: 3,
      awaitingAcceptance: 1,
      deemedAcceptances: 1,
      committedWorkingDays: 25,
      usedWorkingDays: 30,
      overdueProcedures: 1,
      overdueWorkingDays: 17,
      byHolder: { DEPARTMENT: 34, ENTERPRISE: 2, NOBODY: 0 },
    });
    expect(report.provisional).toBe(false);
  });

  it('groups by project (named when known), chain (NO_CHAIN without one) and catalogue procedure', () => {
    const entries = [eebOnTime, nrbDeemed, eebWaiting];
    expect(delayReport(entries, 'project').groups.map((g) => [g.key, g.label, g.procedures])).toEqual([
      ['BJ-2023-0002', 'BJ-2023-0002', 1],
      ['BJ-2023-0001', '可降解材料项目', 2],
    ]);
    expect(delayReport(entries, 'chain').groups.map((g) => [g.key, g.label])).toEqual([
      [NO_CHAIN, '未登记产业链'],
      ['现代化工', '现代化工'],
    ]);
    expect(delayReport(entries, 'procedure').groups.map((g) => [g.key, g.byHolder.DEPARTMENT])).toEqual([
      ['LAND_USE', 22],
      ['EIA', 10],
      ['SAFETY', 2],
    ]);
  });

  it('counts a procedure the calendar cannot count among the procedures, in no sum of days', () => {
    const report = delayReport([eebOnTime, uncounted], 'department');
    expect(report.groups).toHaveLength(1);
    expect(report.totals).toMatchObject({ procedures: 2, notCounted: 1, usedWorkingDays: 8 });
  });
});
