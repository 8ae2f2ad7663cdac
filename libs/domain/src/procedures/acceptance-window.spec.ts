import { createChineseWorkingDayCalendar } from '../calendar/chinese-working-day-calendar';
import { parseLocalDate } from '../calendar/local-date';
import {
  AcceptanceWindow,
  InvalidAcceptanceWindowError,
  validateAcceptanceWorkingDays,
} from './acceptance-window';
import { ProcedureClock } from './procedure-clock';

const calendar = createChineseWorkingDayCalendar();
const d = parseLocalDate;

describe('acceptance window (art. 32)', () => {
  describe('submitted on Thursday 19 January 2023, before the Spring Festival', () => {
    // Five working days after the 19th: 20 Jan, 28 (adjusted Saturday), 29 (adjusted Sunday), 30, 31 Jan.
    const window = new AcceptanceWindow(d('2023-01-19'), 5, calendar);

    it('closes on 31 January: the day of receipt and the holiday do not count', () => {
      expect(window.closesOn).toBe('2023-01-31');
    });

    it('counts down in working days, frozen over the holiday', () => {
      expect(window.remainingWorkingDays(d('2023-01-19'), calendar)).toBe(5);
      expect(window.remainingWorkingDays(d('2023-01-20'), calendar)).toBe(4);
      expect(window.remainingWorkingDays(d('2023-01-26'), calendar)).toBe(4);
      expect(window.remainingWorkingDays(d('2023-01-29'), calendar)).toBe(2);
      expect(window.remainingWorkingDays(d('2023-01-31'), calendar)).toBe(0);
      expect(window.remainingWorkingDays(d('2023-02-01'), calendar)).toBe(-1);
    });

    it('is open, then closing soon, then lapsed once its last day has ended', () => {
      expect(window.status(d('2023-01-20'), 2, calendar)).toBe('OPEN');
      expect(window.status(d('2023-01-29'), 2, calendar)).toBe('CLOSING_SOON');
      expect(window.status(d('2023-01-31'), 2, calendar)).toBe('CLOSING_SOON');
      expect(window.hasLapsed(d('2023-01-31'))).toBe(false);
      expect(window.status(d('2023-02-01'), 2, calendar)).toBe('LAPSED');
    });

    it('deems the application accepted on the day it was received, so its processing clock runs from then', () => {
      expect(window.deemedAcceptedOn).toBe('2023-01-19');
      const clock = new ProcedureClock({ acceptedOn: window.deemedAcceptedOn, committedWorkingDays: 10 });
      // On the day the window lapses five of the ten days are already gone.
      expect(clock.remainingWorkingDays(d('2023-02-01'), calendar)).toBe(4);
    });
  });

  it('across National Day 2023 (Mid-Autumn joined to it): submitted Wednesday 27 September', () => {
    // 28 Sep, then 7 and 8 Oct (adjusted weekend days), 9, 10 Oct.
    expect(new AcceptanceWindow(d('2023-09-27'), 5, calendar).closesOn).toBe('2023-10-10');
  });

  it('refuses a window that is not 1 to 20 whole working days', () => {
    expect(validateAcceptanceWorkingDays(5)).toBeNull();
    expect(validateAcceptanceWorkingDays(0)).toMatch(/1 to 20/);
    expect(validateAcceptanceWorkingDays(2.5)).toMatch(/whole number/);
    expect(() => new AcceptanceWindow(d('2023-01-19'), 21, calendar)).toThrow(InvalidAcceptanceWindowError);
  });
});
