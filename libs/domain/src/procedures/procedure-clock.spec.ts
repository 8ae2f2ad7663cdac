import fc from 'fast-check';
import { createChineseWorkingDayCalendar } from '../calendar/chinese-working-day-calendar';
import { addDays, fromEpochDay, parseLocalDate, toEpochDay } from '../calendar/local-date';
import { InvalidClockFactsError, ProcedureClock } from './procedure-clock';

const calendar = createChineseWorkingDayCalendar();
const d = parseLocalDate;

describe('procedure clock', () => {
  describe('across the 2023 Spring Festival', () => {
    // Accepted Thursday 19 Jan, 5 working days: 20, 28 (adjusted Sat), 29 (adjusted Sun), 30, 31 Jan.
    const clock = new ProcedureClock({ acceptedOn: d('2023-01-19'), committedWorkingDays: 5 });

    it('falls due on 31 January', () => {
      expect(clock.dueDate(calendar)).toBe('2023-01-31');
    });

    it('does not count the day of acceptance nor the holiday', () => {
      expect(clock.remainingWorkingDays(d('2023-01-19'), calendar)).toBe(5);
      expect(clock.remainingWorkingDays(d('2023-01-20'), calendar)).toBe(4);
      expect(clock.remainingWorkingDays(d('2023-01-25'), calendar)).toBe(4);
      expect(clock.remainingWorkingDays(d('2023-01-28'), calendar)).toBe(3);
      expect(clock.remainingWorkingDays(d('2023-01-31'), calendar)).toBe(0);
      expect(clock.remainingWorkingDays(d('2023-02-01'), calendar)).toBe(-1);
    });

    it('derives the deadline status', () => {
      expect(clock.deadlineStatus(d('2023-01-18'), 2, calendar)).toBe('NOT_STARTED');
      expect(clock.deadlineStatus(d('2023-01-25'), 2, calendar)).toBe('IN_TIME');
      expect(clock.deadlineStatus(d('2023-01-29'), 2, calendar)).toBe('DUE_SOON');
      expect(clock.deadlineStatus(d('2023-01-31'), 2, calendar)).toBe('DUE_SOON');
      expect(clock.deadlineStatus(d('2023-01-31'), 0, calendar)).toBe('DUE_SOON');
      expect(clock.deadlineStatus(d('2023-02-01'), 2, calendar)).toBe('OVERDUE');
    });
  });

  it('turns OVERDUE on the first working day after a due date, not on the weekend in between', () => {
    // Accepted Fri 17 Mar, 5 days: due Fri 24 Mar.
    const clock = new ProcedureClock({ acceptedOn: d('2023-03-17'), committedWorkingDays: 5 });
    expect(clock.dueDate(calendar)).toBe('2023-03-24');
    expect(clock.deadlineStatus(d('2023-03-25'), 1, calendar)).toBe('DUE_SOON');
    expect(clock.remainingWorkingDays(d('2023-03-26'), calendar)).toBe(0);
    expect(clock.deadlineStatus(d('2023-03-27'), 1, calendar)).toBe('OVERDUE');
  });

  it('is NOT_STARTED before acceptance', () => {
    const clock = new ProcedureClock({ acceptedOn: null, committedWorkingDays: 10 });
    expect(clock.dueDate(calendar)).toBeNull();
    expect(clock.remainingWorkingDays(d('2023-03-01'), calendar)).toBeNull();
    expect(clock.deadlineStatus(d('2023-03-01'), 3, calendar)).toBe('NOT_STARTED');
  });

  describe('across a supplement request', () => {
    // Accepted Mon 6 Mar, 10 days, unpaused due Mon 20 Mar. Supplement asked Wed 8 Mar, resubmitted
    // Mon 13 Mar: the working days 9, 10 and 13 Mar do not count, so it falls due three working days later.
    const pauses = [{ from: d('2023-03-08'), to: d('2023-03-13') }];
    const clock = new ProcedureClock({ acceptedOn: d('2023-03-06'), committedWorkingDays: 10, pauses });

    it('shifts the due date by the paused working days', () => {
      expect(
        new ProcedureClock({ acceptedOn: d('2023-03-06'), committedWorkingDays: 10 }).dueDate(calendar),
      ).toBe('2023-03-20');
      expect(clock.dueDate(calendar)).toBe('2023-03-23');
    });

    it('counts the request day, not the paused days nor the resubmission day', () => {
      expect(clock.remainingWorkingDays(d('2023-03-08'), calendar)).toBe(8);
      expect(clock.remainingWorkingDays(d('2023-03-10'), calendar)).toBe(8);
      expect(clock.remainingWorkingDays(d('2023-03-13'), calendar)).toBe(8);
      expect(clock.remainingWorkingDays(d('2023-03-14'), calendar)).toBe(7);
      expect(clock.remainingWorkingDays(d('2023-03-23'), calendar)).toBe(0);
    });

    it('shows PAUSED from the request day until the day before resubmission', () => {
      expect(clock.deadlineStatus(d('2023-03-07'), 2, calendar)).toBe('IN_TIME');
      expect(clock.deadlineStatus(d('2023-03-08'), 2, calendar)).toBe('PAUSED');
      expect(clock.deadlineStatus(d('2023-03-12'), 2, calendar)).toBe('PAUSED');
      expect(clock.deadlineStatus(d('2023-03-13'), 2, calendar)).toBe('IN_TIME');
    });

    it('freezes while a request is open, and has no due date yet', () => {
      const open = new ProcedureClock({
        acceptedOn: d('2023-03-06'),
        committedWorkingDays: 10,
        pauses: [{ from: d('2023-03-08') }],
      });
      expect(open.dueDate(calendar)).toBeNull();
      expect(open.remainingWorkingDays(d('2023-03-08'), calendar)).toBe(8);
      expect(open.remainingWorkingDays(d('2023-06-30'), calendar)).toBe(8);
      expect(open.deadlineStatus(d('2023-06-30'), 2, calendar)).toBe('PAUSED');
      expect(open.timeliness(d('2023-06-30'), 2, calendar)).toBe('IN_TIME');
    });

    it('keeps an overdue clock overdue when a request is opened after the due date', () => {
      const late = new ProcedureClock({
        acceptedOn: d('2023-03-06'),
        committedWorkingDays: 5,
        pauses: [{ from: d('2023-03-15') }],
      });
      expect(late.dueDate(calendar)).toBe('2023-03-13');
      expect(late.remainingWorkingDays(d('2023-04-20'), calendar)).toBe(-2);
      expect(late.timeliness(d('2023-04-20'), 2, calendar)).toBe('OVERDUE');
    });

    it('handles several pauses', () => {
      const twice = new ProcedureClock({
        acceptedOn: d('2023-03-06'),
        committedWorkingDays: 10,
        pauses: [...pauses, { from: d('2023-03-15'), to: d('2023-03-17') }],
      });
      // 16 and 17 Mar no longer count: two more working days.
      expect(twice.dueDate(calendar)).toBe('2023-03-27');
      expect(twice.remainingWorkingDays(d('2023-03-27'), calendar)).toBe(0);
    });
  });

  it('adds the extension to the limit', () => {
    const clock = new ProcedureClock({
      acceptedOn: d('2023-03-06'),
      committedWorkingDays: 10,
      extensionWorkingDays: 5,
    });
    expect(clock.limitWorkingDays).toBe(15);
    expect(clock.dueDate(calendar)).toBe('2023-03-27');
    expect(clock.remainingWorkingDays(d('2023-03-20'), calendar)).toBe(5);
    expect(clock.deadlineStatus(d('2023-03-20'), 3, calendar)).toBe('IN_TIME');
  });

  it('rejects inconsistent facts', () => {
    const base = { acceptedOn: d('2023-03-06'), committedWorkingDays: 10 };
    expect(() => new ProcedureClock({ ...base, committedWorkingDays: 0 })).toThrow(InvalidClockFactsError);
    expect(() => new ProcedureClock({ ...base, extensionWorkingDays: -1 })).toThrow(InvalidClockFactsError);
    expect(
      () => new ProcedureClock({ ...base, acceptedOn: null, pauses: [{ from: d('2023-03-08') }] }),
    ).toThrow(/not started/);
    expect(
      () => new ProcedureClock({ ...base, pauses: [{ from: d('2023-03-01'), to: d('2023-03-08') }] }),
    ).toThrow(/before/);
    expect(
      () => new ProcedureClock({ ...base, pauses: [{ from: d('2023-03-09'), to: d('2023-03-08') }] }),
    ).toThrow(/before it starts/);
    expect(
      () =>
        new ProcedureClock({
          ...base,
          pauses: [{ from: d('2023-03-08') }, { from: d('2023-03-10'), to: d('2023-03-11') }],
        }),
    ).toThrow(/only the last/);
    expect(
      () =>
        new ProcedureClock({
          ...base,
          pauses: [{ from: d('2023-03-08'), to: d('2023-03-10') }, { from: d('2023-03-09') }],
        }),
    ).toThrow(/before/);
  });

  it('reaches 0 on its due date and −1 on the next counted working day (property)', () => {
    const day = fc
      .integer({ min: toEpochDay(d('2020-01-01')), max: toEpochDay(d('2025-06-30')) })
      .map(fromEpochDay);
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 15 }),
        (acceptedOn, committed, extension, pauseOffset, pauseLength) => {
          const from = addDays(acceptedOn, pauseOffset);
          const clock = new ProcedureClock({
            acceptedOn,
            committedWorkingDays: committed,
            extensionWorkingDays: extension,
            pauses: [{ from, to: addDays(from, pauseLength) }],
          });
          const due = clock.dueDate(calendar)!;
          expect(calendar.isWorkingDay(due)).toBe(true);
          expect(clock.remainingWorkingDays(due, calendar)).toBe(0);
          const next = calendar.addWorkingDays(due, 1);
          const nextIsPaused = next > from && next <= addDays(from, pauseLength);
          expect(clock.remainingWorkingDays(next, calendar)).toBe(nextIsPaused ? 0 : -1);
        },
      ),
    );
  });
});
