import { createChineseWorkingDayCalendar, parseLocalDate, procedureClock } from '@banjie/domain';
import { DEFAULT_OPTIONS, type SimulationOptions } from './options';
import { scheduleProcedures, type ProcedureSchedule } from './pace-model';
import { loadPortfolio, type RequiredProcedure } from './portfolio';

const calendar = createChineseWorkingDayCalendar();
const Q1 = parseLocalDate('2023-01-01');
const { required } = loadPortfolio();
const schedule = (
  overrides: Partial<SimulationOptions> = {},
  procedures: readonly RequiredProcedure[] = required,
) => scheduleProcedures(procedures, { ...DEFAULT_OPTIONS, ...overrides }, Q1, calendar);
const clockOf = (s: ProcedureSchedule) =>
  procedureClock({
    acceptedOn: s.acceptedOn,
    committedWorkingDays: s.procedure.committedWorkingDays,
    pauses: s.supplement ? [{ from: s.supplement.requestedOn, to: s.supplement.resubmittedOn }] : [],
  });

describe('the department-pace model', () => {
  it('loads the 2023 portfolio: 127 projects, 1,397 plan items, 658 required procedures', () => {
    const portfolio = loadPortfolio();
    expect([portfolio.projects, portfolio.planItems, portfolio.required.length]).toEqual([127, 1397, 658]);
    expect(portfolio.required[0]).toMatchObject({
      procedureId: 'BJ-2023-0001-EIA',
      department: 'EEB',
      committedWorkingDays: 10,
      targetDate: '2023-03-03',
    });
  });

  it('counts Chinese working days: a 6-day limit aimed at Sunday 29 January 2023 runs across the Spring Festival', () => {
    const eve: RequiredProcedure = {
      ...required[0]!,
      procedureId: 'SF',
      committedWorkingDays: 6,
      targetDate: parseLocalDate('2023-01-29'),
      listedOn: parseLocalDate('2023-01-03'),
    };
    for (const seed of [1, 2, 3, 4, 5]) {
      const [s] = schedule({ seed, pace: 1, spread: 0, submitEarlyWorkingDays: 0, supplementShare: 0 }, [
        eve,
      ]);
      // Exactly the limit: 6 working days after acceptance is the adjusted working Sunday, not a holiday (21–27 January).
      expect(s!.approvedOn).toBe('2023-01-29');
      expect(calendar.workingDaysBetween(s!.acceptedOn, s!.approvedOn)).toBe(6);
      expect(s!.acceptedOn <= '2023-01-16').toBe(true);
    }
  });

  it('submits on working days, never before the project was listed, and approves after exactly the drawn review days on the clock', () => {
    const schedules = schedule();
    for (const s of schedules) {
      expect(calendar.isWorkingDay(s.submittedOn)).toBe(true);
      expect(s.submittedOn >= s.procedure.listedOn).toBe(true);
      expect(calendar.workingDaysBetween(s.submittedOn, s.acceptedOn)).toBeGreaterThanOrEqual(1);
      expect(calendar.workingDaysBetween(s.submittedOn, s.acceptedOn)).toBeLessThanOrEqual(3);
      // The supplement pause does not count: the clock has consumed exactly the review days on the approval day.
      expect(clockOf(s).consumedWorkingDays(s.approvedOn, calendar)).toBe(s.reviewWorkingDays);
    }
    const withSupplement = schedules.filter((s) => s.supplement !== null);
    expect(withSupplement.length / schedules.length).toBeGreaterThan(0.08);
    expect(withSupplement.length / schedules.length).toBeLessThan(0.22);
  });

  it('takes pace × limit on average, some late; the same seed gives the same applicants whatever the pace', () => {
    const normal = schedule({ pace: 0.8 });
    const share =
      normal.reduce((sum, s) => sum + s.reviewWorkingDays / s.procedure.committedWorkingDays, 0) /
      normal.length;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.88);
    const late = normal.filter((s) => s.approvedOn > clockOf(s).dueDate(calendar)!).length / normal.length;
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.35);

    const slow = schedule({ pace: 1.6 });
    slow.forEach((s, i) => {
      expect([s.submittedOn, s.acceptedOn]).toEqual([normal[i]!.submittedOn, normal[i]!.acceptedOn]);
      expect(s.reviewWorkingDays).toBeGreaterThanOrEqual(normal[i]!.reviewWorkingDays);
    });
    expect(
      slow.filter((s) => s.approvedOn > clockOf(s).dueDate(calendar)!).length / slow.length,
    ).toBeGreaterThan(0.7);
  });

  it('applies a department override to that department only', () => {
    const base = schedule({ supplementShare: 0 });
    const slowEeb = schedule({ supplementShare: 0, paceByDepartment: { EEB: 2 } });
    base.forEach((s, i) => {
      const other = slowEeb[i]!;
      if (s.procedure.department === 'EEB')
        expect(other.reviewWorkingDays).toBeGreaterThan(s.reviewWorkingDays);
      else expect(other).toEqual(s);
    });
  });
});
