import { calendarHorizonWarning, isMonthDay, lastKnownYearOf } from './calendar-horizon';
import { createChineseWorkingDayCalendar } from './chinese-working-day-calendar';
import { parseLocalDate } from './local-date';

describe('calendar horizon warning', () => {
  it('warns from 1 November while next year is not known', () => {
    expect(calendarHorizonWarning(parseLocalDate('2026-10-31'), 2026)).toBeNull();
    expect(calendarHorizonWarning(parseLocalDate('2026-11-01'), 2026)).toEqual({
      year: 2027,
      reason: expect.stringMatching(/^2027 has no published holiday arrangement yet/),
    });
    expect(calendarHorizonWarning(parseLocalDate('2026-12-31'), 2026)?.reason).toMatch(
      /PUT \/calendar\/years\/2027/,
    );
  });

  it('is quiet once next year is known, and follows a configured day', () => {
    expect(calendarHorizonWarning(parseLocalDate('2026-11-30'), 2027)).toBeNull();
    expect(calendarHorizonWarning(parseLocalDate('2026-10-15'), 2026, '10-01')).not.toBeNull();
    // Running in a year nobody published: warned every day of it.
    expect(calendarHorizonWarning(parseLocalDate('2027-01-04'), 2026)?.year).toBe(2027);
  });

  it('finds the last year that is not provisional', () => {
    expect(lastKnownYearOf(createChineseWorkingDayCalendar())).toBe(2026);
  });

  it('knows a month-day', () => {
    expect(isMonthDay('11-01')).toBe(true);
    expect(isMonthDay('02-29')).toBe(true);
    expect(isMonthDay('13-01')).toBe(false);
    expect(isMonthDay('1-1')).toBe(false);
  });
});
