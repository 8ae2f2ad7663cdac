import { createChineseWorkingDayCalendar, parseLocalDate } from '@banjie/domain';
import { plannedProcedure, run } from '../test/procedure-records';
import { dueDateOf, readClock } from './procedure-clock';
import { publicProcedureFields } from './public-procedure-fields';

const calendar = createChineseWorkingDayCalendar();
const accepted = (limit: number, on: string) =>
  run(
    plannedProcedure({ plannedWorkingDays: limit }),
    [{ action: 'submit' }, on],
    [{ action: 'accept' }, on],
  );

describe("the approval service's working-day clock", () => {
  it('skips the 2023 Spring Festival (21–27 Jan) and counts the adjusted Saturday 28 and Sunday 29 January', () => {
    // Accepted Wed 18 Jan, 15 days: 19, 20, 28, 29, 30, 31 Jan, 1, 2, 3, 6, 7, 8, 9, 10, 13 Feb.
    const procedure = accepted(15, '2023-01-18');
    expect(dueDateOf(procedure, calendar)).toEqual({
      dueDate: '2023-02-13',
      dueDateUnavailable: null,
      dueDateProvisional: false,
      calendarVersion: 0,
    });
    expect(readClock(procedure, '2023-01-20', 3, calendar)).toEqual({
      deadlineStatus: 'IN_TIME',
      remainingWorkingDays: 13,
    });
    expect(readClock(procedure, '2023-01-27', 3, calendar).remainingWorkingDays).toBe(13);
    expect(readClock(procedure, '2023-01-29', 3, calendar).remainingWorkingDays).toBe(11);
  });

  it('skips National Day 2023 (29 Sep – 6 Oct) and counts the adjusted 7 and 8 October', () => {
    // Accepted Mon 25 Sep, 10 days: 26, 27, 28 Sep, 7, 8, 9, 10, 11, 12, 13 Oct.
    const procedure = accepted(10, '2023-09-25');
    expect(dueDateOf(procedure, calendar).dueDate).toBe('2023-10-13');
    expect(readClock(procedure, '2023-10-06', 3, calendar)).toEqual({
      deadlineStatus: 'IN_TIME',
      remainingWorkingDays: 7,
    });
    expect(readClock(procedure, '2023-10-13', 3, calendar)).toEqual({
      deadlineStatus: 'DUE_SOON',
      remainingWorkingDays: 0,
    });
    // The weekend after the due date is still day 0; the next working day is overdue.
    expect(readClock(procedure, '2023-10-15', 3, calendar)).toEqual({
      deadlineStatus: 'DUE_SOON',
      remainingWorkingDays: 0,
    });
    expect(readClock(procedure, '2023-10-16', 3, calendar)).toEqual({
      deadlineStatus: 'OVERDUE',
      remainingWorkingDays: -1,
    });
  });

  describe('across a supplement request spanning National Day', () => {
    // Accepted Mon 18 Sep, 10 days; supplement asked Wed 20 Sep (counts), answered Mon 9 Oct (does not count).
    const paused = run(accepted(10, '2023-09-18'), [
      { action: 'request-supplement', supplementReason: 'MISSING_DOCUMENT' },
      '2023-09-20',
    ]);
    const resumed = run(paused, [{ action: 'resubmit' }, '2023-10-09']);

    it('has no due date while the request is open, and freezes the remaining days', () => {
      expect(dueDateOf(paused, calendar)).toEqual({
        dueDate: null,
        dueDateUnavailable: null,
        dueDateProvisional: false,
        calendarVersion: 0,
      });
      expect(readClock(paused, '2023-09-28', 3, calendar)).toEqual({
        deadlineStatus: 'PAUSED',
        remainingWorkingDays: 8,
      });
      expect(readClock(paused, '2023-10-08', 3, calendar).remainingWorkingDays).toBe(8);
    });

    it('resumes the day after the resubmission: 10, 11, 12, 13, 16, 17, 18, 19 Oct', () => {
      expect(dueDateOf(resumed, calendar).dueDate).toBe('2023-10-19');
      expect(readClock(resumed, '2023-10-09', 3, calendar)).toEqual({
        deadlineStatus: 'IN_TIME',
        remainingWorkingDays: 8,
      });
      expect(readClock(resumed, '2023-10-20', 3, calendar).deadlineStatus).toBe('OVERDUE');
    });

    it('moves the due date by an extension', () => {
      const extended = run(resumed, [{ action: 'extend', days: 5, reason: '需专家论证' }, '2023-10-10']);
      expect(dueDateOf(extended, calendar).dueDate).toBe('2023-10-26');
      expect(publicProcedureFields(extended, calendar)).toMatchObject({
        committedWorkingDays: 10,
        extensionWorkingDays: 5,
        dueDate: '2023-10-26',
        sequence: 6,
      });
    });
  });

  it('says so instead of guessing when the limit runs into a year the calendar does not cover', () => {
    const { lastYear } = calendar.coverage;
    const procedure = accepted(20, `${lastYear}-12-21`);
    const due = dueDateOf(procedure, calendar);
    expect(due.dueDate).toBeNull();
    expect(due.dueDateUnavailable).toMatchObject({ code: 'CALENDAR_NOT_COVERED' });
    expect(due.dueDateUnavailable?.message).toContain(String(lastYear + 1));
    expect(readClock(procedure, `${lastYear}-12-22`, 3, calendar)).toEqual({
      deadlineStatus: 'UNKNOWN',
      remainingWorkingDays: null,
    });
    expect(readClock(procedure, `${lastYear + 1}-01-05`, 3, calendar)).toEqual({
      deadlineStatus: 'UNKNOWN',
      remainingWorkingDays: null,
    });
  });

  it('runs no clock before acceptance nor after the procedure is closed', () => {
    expect(readClock(plannedProcedure(), '2023-02-01', 3, calendar)).toEqual({
      deadlineStatus: 'NOT_STARTED',
      remainingWorkingDays: null,
    });
    const approved = run(accepted(10, '2023-02-01'), [
      { action: 'approve', documentNumber: 'X-1' },
      '2023-02-10',
    ]);
    expect(readClock(approved, '2023-02-10', 3, calendar)).toEqual({
      deadlineStatus: 'CLOSED',
      remainingWorkingDays: null,
    });
    expect(dueDateOf(approved, calendar).dueDate).toBeNull();
  });

  it('honours a local override from the override table', () => {
    // A local rest day on Tue 26 Sep 2023 pushes the due date one working day later.
    const local = createChineseWorkingDayCalendar([
      { date: parseLocalDate('2023-09-26'), kind: 'REST', note: '地方调休' },
    ]);
    expect(dueDateOf(accepted(10, '2023-09-25'), local).dueDate).toBe('2023-10-16');
  });
});
