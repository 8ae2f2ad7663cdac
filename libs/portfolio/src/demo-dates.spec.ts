import {
  createChineseWorkingDayCalendar,
  parseLocalDate,
  parseQuarter,
  type LocalDate,
} from '@banjie/domain';
import { buildApprovalHistory, Q1_2023, type ProcedureHistory } from './approval-history';
import {
  currentQuarter,
  historiesOn,
  historiesUntil,
  InvalidDataSetError,
  parsePortfolioDataSet,
  portfolioDates,
  seedProjectOn,
  shiftIntoQuarter,
} from './demo-dates';
import { figuresOnDay } from './history-replay';
import { readPortfolioSeed } from './seed';

const day = (value: string) => parseLocalDate(value);
const shift = (date: string, from: string, to: string) =>
  shiftIntoQuarter(day(date), parseQuarter(from), parseQuarter(to));

describe('shiftIntoQuarter', () => {
  it('keeps a date at the same distance from its quarter’s first day', () => {
    expect(shift('2023-01-01', '2023-Q1', '2026-Q4')).toBe('2026-10-01');
    expect(shift('2023-03-28', '2023-Q1', '2026-Q4')).toBe('2026-12-26');
    expect(shift('2023-02-15', '2023-Q1', '2025-Q2')).toBe('2025-05-16');
  });

  it('moves a date outside the from-quarter by the same number of quarters', () => {
    expect(shift('2023-05-20', '2023-Q1', '2026-Q4')).toBe('2027-02-19');
    expect(shift('2022-12-31', '2023-Q1', '2024-Q1')).toBe('2023-12-31');
  });

  it('lands on the last day when the quarter it lands in is shorter', () => {
    // Q3 has 92 days, Q2 91: 30 September is day 92.
    expect(shift('2023-09-30', '2023-Q3', '2024-Q2')).toBe('2024-06-30');
    expect(shift('2023-12-31', '2023-Q4', '2024-Q1')).toBe('2024-03-31');
    // A leap year's Q1 has 91 days, a common year's 90.
    expect(shift('2024-03-31', '2024-Q1', '2025-Q1')).toBe('2025-03-31');
    expect(shift('2024-03-30', '2024-Q1', '2025-Q1')).toBe('2025-03-31');
  });

  it('reaches 29 February in a leap year and is the identity without a shift', () => {
    expect(shift('2023-02-28', '2023-Q1', '2024-Q1')).toBe('2024-02-28');
    expect(shift('2023-03-01', '2023-Q1', '2024-Q1')).toBe('2024-02-29');
    expect(shift('2023-03-31', '2023-Q1', '2024-Q1')).toBe('2024-03-30');
    expect(shift('2023-03-31', '2023-Q1', '2023-Q1')).toBe('2023-03-31');
  });
});

describe('the demo’s dates', () => {
  it('takes the current quarter from the civil day in Asia/Shanghai', () => {
    expect(currentQuarter(new Date('2026-12-31T15:59:59Z')).label).toBe('2026-Q4');
    expect(currentQuarter(new Date('2026-12-31T16:00:00Z')).label).toBe('2027-Q1');
  });

  it('plays the 2023 reproduction on the report’s quarter and the live demo on today’s', () => {
    const now = new Date('2026-11-30T04:00:00Z');
    expect(portfolioDates('2023', now)).toMatchObject({
      quarter: { label: '2023-Q1' },
      reportDay: '2023-03-28',
    });
    expect(portfolioDates('live', now)).toMatchObject({
      quarter: { label: '2026-Q4' },
      today: '2026-11-30',
      reportDay: '2026-11-30',
    });
  });

  it('accepts live and 2023 as --data and names the rule for anything else', () => {
    expect(parsePortfolioDataSet('live')).toBe('live');
    expect(parsePortfolioDataSet('2023')).toBe('2023');
    expect(() => parsePortfolioDataSet('2024')).toThrow(InvalidDataSetError);
    expect(() => parsePortfolioDataSet(undefined)).toThrow('--data must be one of live, 2023, got undefined');
  });
});

describe('the portfolio moved into the current quarter', () => {
  const calendar = createChineseWorkingDayCalendar();
  const seed = readPortfolioSeed();
  const histories = buildApprovalHistory(seed, calendar, Q1_2023);
  const dates = portfolioDates('live', new Date('2026-11-30T04:00:00Z'));
  const moved = historiesOn(histories, dates, calendar);
  const played = historiesUntil(moved, dates.today);

  it('moves every step fifteen quarters on, into 2026-Q4 or later, keeping each procedure’s order', () => {
    expect(
      moved.flatMap((history) => history.steps).every((step) => step.effectiveDate >= '2026-10-01'),
    ).toBe(true);
    for (const history of moved) {
      const days = history.steps.map((step) => step.effectiveDate);
      expect(days).toEqual([...days].sort());
    }
  });

  it('moves the history by working days: every step on a working day, the working days between steps kept', () => {
    const steps = moved.flatMap((history) => history.steps);
    expect(steps.every((step) => calendar.isWorkingDay(step.effectiveDate))).toBe(true);
    const gaps = (list: readonly ProcedureHistory[]) =>
      list.flatMap((history) =>
        history.steps
          .slice(1)
          .map((step, index) =>
            calendar.workingDaysBetween(history.steps[index]!.effectiveDate, step.effectiveDate),
          ),
      );
    const before = gaps(histories);
    const changed = gaps(moved).filter((gap, index) => gap !== before[index]);
    expect(changed).toEqual([]);
  });

  it("dates an approval's document number in the year it is now issued", () => {
    const numbers = moved.flatMap((history) =>
      history.steps.flatMap((step) =>
        step.action === 'approve' ? [String(step.details.documentNumber)] : [],
      ),
    );
    expect(numbers.length).toBeGreaterThan(300);
    expect(numbers.filter((number) => number.includes('2023'))).toEqual([]);
    expect(numbers.some((number) => number.includes('〔2026〕'))).toBe(true);
  });

  it('plays only what has happened by today, each procedure up to its first step after today', () => {
    const steps = (list: typeof moved) => list.flatMap((history) => history.steps);
    expect(steps(played).every((step) => step.effectiveDate <= dates.today)).toBe(true);
    expect(steps(played).length).toBeLessThan(steps(moved).length);
    expect(steps(played).length).toBeGreaterThan(0);
    for (const [index, history] of played.entries())
      expect(history.steps).toEqual(moved[index]!.steps.slice(0, history.steps.length));
  });

  it('leaves the 2023 history as it is when nothing is after today', () => {
    const reproduction = portfolioDates('2023', new Date('2026-11-30T04:00:00Z'));
    expect(historiesUntil(historiesOn(histories, reproduction, calendar), reproduction.today)).toEqual(
      histories,
    );
    expect(seed.map((project) => seedProjectOn(project, reproduction))).toEqual(seed);
  });

  it('shows a live board today: some open procedures in time, a few due soon or overdue', () => {
    const today = figuresOnDay(played, dates.today, calendar, Q1_2023.dueSoonWorkingDays);
    expect(today.flags.BLUE).toBeGreaterThan(today.flags.RED);
    expect(today.approved).toBeGreaterThan(0);
    expect(today.approved).toBeLessThan(today.required);
  });

  it('keeps the listing day and moves the plan targets, planned start and lifecycle, the future left out', () => {
    const project = seed.find((candidate) => candidate.lifecycle.some((step) => step.on > '2023-03-01'))!;
    const onDates = seedProjectOn(project, portfolioDates('live', new Date('2026-11-30T04:00:00Z')));
    expect(onDates.listedOn).toBe(project.listedOn);
    expect(onDates.plannedStart).toBe(shift(project.plannedStart, '2023-Q1', '2026-Q4'));
    const target = (p: typeof project) => p.plan.find((item) => item.targetDate)?.targetDate;
    expect(target(onDates)).toBe(shift(target(project)!, '2023-Q1', '2026-Q4'));
    expect(onDates.lifecycle.every((step) => (step.on as LocalDate) <= '2026-11-30')).toBe(true);
    expect(onDates.lifecycle.length).toBeLessThan(project.lifecycle.length);
  });
});
