import { createChineseWorkingDayCalendar, parseLocalDate } from '@banjie/domain';
import { planRungs, rungsDue, validateLadder, type DeadlineLadder } from './deadline-ladder';

const calendar = createChineseWorkingDayCalendar();
const ladder: DeadlineLadder = {
  reminderWorkingDaysBefore: [0, 3],
  officialAfterWorkingDays: 5,
  fireAt: '09:00',
};

describe('deadline ladder', () => {
  it('puts each rung at 09:00 Shanghai on its working day, sorted, skipping the Spring Festival', () => {
    // Due Thu 2 Feb 2023: the supervisors on Fri 3 Feb, the leading official five working days later.
    expect(
      planRungs(parseLocalDate('2023-02-02'), calendar, ladder).map((r) => [
        r.rung,
        r.date,
        r.at,
        r.audience,
      ]),
    ).toEqual([
      ['REMINDER_3WD_BEFORE', '2023-01-30', '2023-01-30T01:00:00.000Z', 'DEPARTMENT_AND_HELPERS'],
      ['REMINDER_DUE_DAY', '2023-02-02', '2023-02-02T01:00:00.000Z', 'DEPARTMENT_AND_HELPERS'],
      ['OVERDUE_SUPERVISOR', '2023-02-03', '2023-02-03T01:00:00.000Z', 'SUPERVISORS'],
      ['OVERDUE_LEADING_OFFICIAL', '2023-02-10', '2023-02-10T01:00:00.000Z', 'LEADING_OFFICIAL'],
    ]);
    // Due Tue 31 Jan: 30, 29 (Sun) and 28 Jan (Sat) are working days (调休), so the reminder falls on Saturday 28 January.
    expect(planRungs(parseLocalDate('2023-01-31'), calendar, ladder)[0]!.date).toBe('2023-01-28');
    // Due Mon 30 Jan: 29, 28 Jan, then back across the holiday (21–27 Jan) to Fri 20 Jan.
    expect(planRungs(parseLocalDate('2023-01-30'), calendar, ladder)[0]!.date).toBe('2023-01-20');
  });

  it('sends reached rungs, skips reminders a later rung has overtaken, never skips an escalation', () => {
    const plan = planRungs(parseLocalDate('2023-03-15'), calendar, ladder);
    const at = (iso: string) => Date.parse(iso);
    const onDueDay = rungsDue(plan, new Set(['REMINDER_3WD_BEFORE']), at('2023-03-15T03:00:00Z'));
    expect([onDueDay.send.map((r) => r.rung), onDueDay.skip, onDueDay.next?.rung]).toEqual([
      ['REMINDER_DUE_DAY'],
      [],
      'OVERDUE_SUPERVISOR',
    ]);
    const longOverdue = rungsDue(plan, new Set(), at('2023-04-01T00:00:00Z'));
    expect(longOverdue.send.map((r) => r.rung)).toEqual(['OVERDUE_SUPERVISOR', 'OVERDUE_LEADING_OFFICIAL']);
    expect(longOverdue.skip.map((r) => r.rung)).toEqual(['REMINDER_3WD_BEFORE', 'REMINDER_DUE_DAY']);
    expect(longOverdue.next).toBeNull();
    const justBefore = rungsDue(plan, new Set(), at('2023-03-10T00:59:59Z'));
    expect([justBefore.send, justBefore.next?.rung]).toEqual([[], 'REMINDER_3WD_BEFORE']);
  });

  it('refuses a ladder it cannot keep', () => {
    expect(() => validateLadder({ ...ladder, reminderWorkingDaysBefore: [-1] })).toThrow(/reminder offsets/);
    expect(() => validateLadder({ ...ladder, officialAfterWorkingDays: 0 })).toThrow(
      /officialAfterWorkingDays/,
    );
    expect(() => validateLadder({ ...ladder, fireAt: '9:00' })).toThrow(/wall time/);
  });
});
