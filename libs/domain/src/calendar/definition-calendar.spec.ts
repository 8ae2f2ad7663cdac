import type { CalendarDefinition } from './calendar-definition';
import { buildCalendarSnapshot } from './calendar-snapshot';
import {
  cachedProvisionalYear,
  packageDefinition,
  packageYears,
  workingDayCalendarOf,
} from './chinese-working-day-calendar';
import { parseLocalDate } from './local-date';
import { procedureClock } from '../procedures/procedure-clock';
import { calendarFromSnapshot } from './snapshot-calendar';

const d = parseLocalDate;
const lastPackageYear = packageYears()[packageYears().length - 1]!.year;

/** A 2027 arrangement as the State Council might publish it: a longer Spring Festival with two 调休 Saturdays. */
const published2027: CalendarDefinition = {
  version: 2,
  years: [
    ...packageYears(),
    {
      year: 2027,
      source: 'PUBLISHED',
      reference: '国办发明电〔2026〕9号',
      holidays: [
        '2027-01-01',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
        '2027-02-12',
        '2027-02-13',
      ].map((date) => ({ date: d(date), name: '春节' })),
      workingDays: [d('2027-02-20')],
    },
  ],
  overrides: [],
};

describe('calendar from a published definition', () => {
  it('is the package up to its last year, provisional after it', () => {
    expect(lastPackageYear).toBe(2026);
    const calendar = workingDayCalendarOf(packageDefinition());
    expect(calendar.isProvisional(d('2026-12-31'))).toBe(false);
    expect(calendar.isProvisional(d('2027-01-04'))).toBe(true);
    expect(calendar.isWorkingDay(d('2027-02-09'))).toBe(false); // substitute for the Spring Festival Saturday
  });

  it('gives a procedure accepted on 2026-11-30 with 20 + 10 working days a provisional due date in January 2027', () => {
    const calendar = workingDayCalendarOf(packageDefinition());
    const clock = procedureClock({
      acceptedOn: d('2026-11-30'),
      committedWorkingDays: 20,
      extensionWorkingDays: 10,
    });
    const due = clock.dueDate(calendar)!;
    // Dec 2026 has 23 working days after 30 Nov; 1 Jan 2027 is New Year's Day: the 30th working day is Tue 12 Jan 2027.
    expect(due).toBe('2027-01-12');
    expect(calendar.provisionalBetween(d('2026-11-30'), due)).toBe(true);
    expect(calendar.provisionalBetween(d('2026-01-05'), d('2026-12-01'))).toBe(false);
  });

  it('moves due dates across the 2026/2027 boundary when 2027 is published, and marks them no longer provisional', () => {
    const provisional = workingDayCalendarOf(packageDefinition());
    const published = workingDayCalendarOf(published2027);
    expect(published.version).toBe(2);
    expect(published.isProvisional(d('2027-06-01'))).toBe(false);
    expect(published.isProvisional(d('2028-01-03'))).toBe(true);
    // Accepted 2027-01-25: provisional Spring Festival rests 5–10 Feb; the published one 5–13 Feb but works Sat 20 Feb.
    const clock = procedureClock({ acceptedOn: d('2027-01-25'), committedWorkingDays: 20 });
    expect(clock.dueDate(provisional)).toBe('2027-02-26');
    expect(clock.dueDate(published)).toBe('2027-03-01');
    // The adjusted Saturday 20 Feb counts as a working day only once published.
    expect(provisional.isWorkingDay(d('2027-02-20'))).toBe(false);
    expect(published.isWorkingDay(d('2027-02-20'))).toBe(true);
  });

  it('applies local overrides in provisional years too', () => {
    const calendar = workingDayCalendarOf({
      ...packageDefinition(),
      version: 3,
      overrides: [{ date: d('2027-01-04'), kind: 'REST', note: '地方' }],
    });
    expect(calendar.isWorkingDay(d('2027-01-04'))).toBe(false);
  });

  it('refuses known years with a gap', () => {
    const gap = {
      version: 1,
      years: [packageYears()[0]!, { ...cachedProvisionalYear(2010), source: 'PUBLISHED' as const }],
      overrides: [],
    };
    expect(() => workingDayCalendarOf(gap)).toThrow(/misses 2005/);
  });

  it('carries its version and provisional years into a workflow snapshot and back', () => {
    const calendar = workingDayCalendarOf({ ...packageDefinition(), version: 7 });
    const snapshot = buildCalendarSnapshot(calendar, 2026, 2028);
    expect(snapshot).toMatchObject({ calendarVersion: 7, provisionalYears: [2027, 2028] });
    const restored = calendarFromSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(restored.version).toBe(7);
    expect(restored.isProvisional(d('2027-05-03'))).toBe(true);
    expect(restored.addWorkingDays(d('2026-11-30'), 30)).toBe(calendar.addWorkingDays(d('2026-11-30'), 30));
  });
});
