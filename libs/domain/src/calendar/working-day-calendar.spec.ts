import fc from 'fast-check';
import { buildCalendarSnapshot } from './calendar-snapshot';
import { chineseDaysCoverage, createChineseWorkingDayCalendar } from './chinese-working-day-calendar';
import { addDays, fromEpochDay, parseLocalDate, toEpochDay, type LocalDate } from './local-date';
import { calendarFromSnapshot } from './snapshot-calendar';
import { CalendarNotCoveredError } from './working-day-calendar';

const d = parseLocalDate;
const calendar = createChineseWorkingDayCalendar();

function range(from: string, to: string): LocalDate[] {
  const out: LocalDate[] = [];
  for (let x = d(from); x <= d(to); x = addDays(x, 1)) out.push(x);
  return out;
}

describe('chinese-days working-day calendar', () => {
  it('covers the years the package has data for (2004 to at least 2026), then provisional years up to 2099', () => {
    const coverage = chineseDaysCoverage();
    expect(coverage.firstYear).toBe(2004);
    expect(coverage.lastYear).toBeGreaterThanOrEqual(2026);
    expect(calendar.coverage).toEqual({ firstYear: 2004, lastYear: 2099 });
    expect(calendar.version).toBe(0);
    expect(calendar.covers(d('2023-06-01'))).toBe(true);
    expect(calendar.isProvisional(d('2023-06-01'))).toBe(false);
    expect(calendar.isProvisional(d(`${coverage.lastYear + 1}-06-01`))).toBe(true);
    expect(calendar.covers(d('2003-12-31'))).toBe(false);
    expect(calendar.covers(d('2100-01-01'))).toBe(false);
  });

  describe('2023 Spring Festival', () => {
    it('rests 21–27 January and works the adjusted Saturday 28 and Sunday 29 January', () => {
      for (const day of range('2023-01-21', '2023-01-27')) expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.isWorkingDay(d('2023-01-28'))).toBe(true);
      expect(calendar.isWorkingDay(d('2023-01-29'))).toBe(true);
      expect(calendar.isWorkingDay(d('2023-01-20'))).toBe(true); // Friday before
    });

    it('adds working days across the holiday', () => {
      // Accepted Friday 20 Jan: the 1st working day after is the adjusted Saturday 28 Jan.
      expect(calendar.addWorkingDays(d('2023-01-20'), 1)).toBe('2023-01-28');
      expect(calendar.addWorkingDays(d('2023-01-20'), 2)).toBe('2023-01-29');
      expect(calendar.addWorkingDays(d('2023-01-20'), 3)).toBe('2023-01-30');
      // 19 Jan + 5: 20, 28, 29, 30, 31 Jan.
      expect(calendar.addWorkingDays(d('2023-01-19'), 5)).toBe('2023-01-31');
      expect(calendar.workingDaysBetween(d('2023-01-19'), d('2023-01-31'))).toBe(5);
    });
  });

  describe('2023 National Day', () => {
    it('rests 29 September – 6 October and works Saturday 7 and Sunday 8 October', () => {
      for (const day of range('2023-09-29', '2023-10-06')) expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.isWorkingDay(d('2023-10-07'))).toBe(true);
      expect(calendar.isWorkingDay(d('2023-10-08'))).toBe(true);
      expect(calendar.addWorkingDays(d('2023-09-28'), 1)).toBe('2023-10-07');
      expect(calendar.workingDaysBetween(d('2023-09-28'), d('2023-10-09'))).toBe(3);
    });
  });

  describe('ordinary weeks', () => {
    it('rests on Saturday and Sunday', () => {
      expect(calendar.isWorkingDay(d('2023-03-25'))).toBe(false);
      expect(calendar.isWorkingDay(d('2023-03-26'))).toBe(false);
      expect(calendar.isWorkingDay(d('2023-03-27'))).toBe(true);
    });

    it('does not count the start day, and skips the weekend', () => {
      expect(calendar.addWorkingDays(d('2023-03-24'), 0)).toBe('2023-03-24');
      expect(calendar.addWorkingDays(d('2023-03-24'), 1)).toBe('2023-03-27'); // Friday + 1 = Monday
      expect(calendar.addWorkingDays(d('2023-03-25'), 1)).toBe('2023-03-27'); // from a Saturday
      expect(calendar.addWorkingDays(d('2023-03-20'), 5)).toBe('2023-03-27');
      expect(calendar.workingDaysBetween(d('2023-03-24'), d('2023-03-26'))).toBe(0);
      expect(calendar.workingDaysBetween(d('2023-03-27'), d('2023-03-20'))).toBe(-5);
      expect(calendar.workingDaysBetween(d('2023-03-20'), d('2023-03-20'))).toBe(0);
    });

    it('rejects a negative or fractional count', () => {
      expect(() => calendar.addWorkingDays(d('2023-03-20'), -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(d('2023-03-20'), 1.5)).toThrow(RangeError);
    });

    it('counts 249 working days in 2023', () => {
      // 260 weekdays − 18 weekday holidays + 7 adjusted weekend working days.
      expect(calendar.workingDaysBetween(d('2022-12-31'), d('2023-12-31'))).toBe(249);
    });
  });

  describe('overrides', () => {
    const local = createChineseWorkingDayCalendar([
      { date: d('2023-03-24'), kind: 'REST', note: 'city-wide rest day (example)' },
      { date: d('2023-03-25'), kind: 'WORKING', note: 'make-up working Saturday (example)' },
      { date: d('2023-01-27'), kind: 'WORKING', note: 'duty day during the Spring Festival (example)' },
    ]);

    it('forces dates to rest or to work, over the national arrangement', () => {
      expect(local.isWorkingDay(d('2023-03-24'))).toBe(false);
      expect(local.isWorkingDay(d('2023-03-25'))).toBe(true);
      expect(local.isWorkingDay(d('2023-01-27'))).toBe(true);
      expect(local.addWorkingDays(d('2023-03-23'), 1)).toBe('2023-03-25');
      // The national calendar is untouched.
      expect(calendar.isWorkingDay(d('2023-03-24'))).toBe(true);
    });

    it('refuses an override outside the coverage or given twice', () => {
      expect(() =>
        createChineseWorkingDayCalendar([{ date: d('2100-05-06'), kind: 'REST', note: 'x' }]),
      ).toThrow(CalendarNotCoveredError);
      expect(() =>
        createChineseWorkingDayCalendar([
          { date: d('2023-05-06'), kind: 'REST', note: 'x' },
          { date: d('2023-05-06'), kind: 'WORKING', note: 'y' },
        ]),
      ).toThrow(/more than once/);
    });
  });

  describe('a year that is not covered', () => {
    it('throws, naming the year, and never guesses', () => {
      expect(() => calendar.isWorkingDay(d('2100-03-03'))).toThrow(CalendarNotCoveredError);
      expect(() => calendar.isWorkingDay(d('2100-03-03'))).toThrow(/does not cover 2100 yet/);
      expect(() => calendar.addWorkingDays(d('2100-01-05'), 1)).toThrow(/2100/);
      expect(() => calendar.workingDaysBetween(d('2023-01-01'), d('2100-01-01'))).toThrow(
        CalendarNotCoveredError,
      );
      expect(() => calendar.isWorkingDay(d('2003-06-02'))).toThrow(/does not cover 2003 yet/);
    });

    it('throws when a count runs off the end of the coverage', () => {
      const { lastYear } = calendar.coverage;
      const error = (() => {
        try {
          calendar.addWorkingDays(d(`${lastYear}-12-20`), 30);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CalendarNotCoveredError);
      expect((error as CalendarNotCoveredError).year).toBe(lastYear + 1);
    });
  });

  describe('properties', () => {
    const first = toEpochDay(d('2005-01-01'));
    const last = toEpochDay(d('2025-12-01'));
    const date = fc.integer({ min: first, max: last }).map(fromEpochDay);

    it('workingDaysBetween(start, addWorkingDays(start, n)) === n, and the result is a working day', () => {
      fc.assert(
        fc.property(date, fc.integer({ min: 0, max: 60 }), (start, n) => {
          const end = calendar.addWorkingDays(start, n);
          expect(calendar.workingDaysBetween(start, end)).toBe(n);
          if (n > 0) expect(calendar.isWorkingDay(end)).toBe(true);
        }),
      );
    });

    it('workingDaysBetween is antisymmetric and additive', () => {
      fc.assert(
        fc.property(date, date, date, (a, b, c) => {
          expect(calendar.workingDaysBetween(b, a) + calendar.workingDaysBetween(a, b)).toBe(0);
          expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(
            calendar.workingDaysBetween(a, c),
          );
        }),
        { numRuns: 50 },
      );
    });
  });
});

describe('calendar snapshot', () => {
  const snapshot = buildCalendarSnapshot(calendar, 2022, 2024);

  it('is plain JSON listing weekday holidays and weekend working days', () => {
    const copy = JSON.parse(JSON.stringify(snapshot));
    expect(copy).toEqual(snapshot);
    expect(snapshot).toMatchObject({ schemaVersion: 1, firstYear: 2022, lastYear: 2024 });
    expect(snapshot.holidays).toEqual(
      expect.arrayContaining(['2023-01-23', '2023-01-27', '2023-10-02', '2023-10-06']),
    );
    expect(snapshot.holidays).not.toContain('2023-01-21'); // a Saturday: resting anyway
    expect(snapshot.adjustedWorkingDays).toEqual(
      expect.arrayContaining(['2023-01-28', '2023-01-29', '2023-10-07', '2023-10-08']),
    );
  });

  it('rebuilds a calendar that agrees with the original on every covered day', () => {
    const rebuilt = calendarFromSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(rebuilt.coverage).toEqual({ firstYear: 2022, lastYear: 2024 });
    for (const day of range('2022-01-01', '2024-12-31'))
      expect(rebuilt.isWorkingDay(day)).toBe(calendar.isWorkingDay(day));
    expect(rebuilt.addWorkingDays(d('2023-01-20'), 3)).toBe('2023-01-30');
  });

  it('covers only its own years', () => {
    const rebuilt = calendarFromSnapshot(snapshot);
    expect(() => rebuilt.isWorkingDay(d('2025-01-02'))).toThrow(/does not cover 2025 yet/);
    expect(() => rebuilt.isWorkingDay(d('2021-12-31'))).toThrow(/does not cover 2021 yet/);
  });

  it('rejects malformed snapshots', () => {
    expect(() => calendarFromSnapshot({ ...snapshot, holidays: ['2023-02-30' as LocalDate] })).toThrow(
      /valid local date/,
    );
    expect(() => calendarFromSnapshot({ ...snapshot, holidays: [d('2025-01-01')] })).toThrow(
      /outside the covered years/,
    );
    expect(() => calendarFromSnapshot({ ...snapshot, adjustedWorkingDays: [d('2023-01-23')] })).toThrow(
      /both/,
    );
    expect(() => calendarFromSnapshot({ ...snapshot, firstYear: 2025 })).toThrow(RangeError);
  });

  it('refuses to snapshot years the calendar does not cover', () => {
    expect(() => buildCalendarSnapshot(calendar, 2099, 2100)).toThrow(CalendarNotCoveredError);
  });
});
