import type { ProcedureStatus } from '@banjie/contracts';
import { createChineseWorkingDayCalendar } from '../calendar/chinese-working-day-calendar';
import { parseLocalDate } from '../calendar/local-date';
import { ProcedureClock } from '../procedures/procedure-clock';
import { boardFlag } from './flags';

const calendar = createChineseWorkingDayCalendar();
const d = parseLocalDate;
// Accepted Mon 6 Mar 2023, 10 working days: due Mon 20 Mar.
const running = { acceptedOn: d('2023-03-06'), committedWorkingDays: 10 };
const notAccepted = { acceptedOn: null, committedWorkingDays: 10 };

describe('board flag', () => {
  it.each<[ProcedureStatus, string]>([
    ['PLANNED', 'GREY'],
    ['SUBMITTED', 'GREY'],
    ['REFUSED', 'GREY'],
    ['WITHDRAWN', 'GREY'],
    ['APPROVED', 'GREEN'],
    ['NOT_APPLICABLE', 'NOT_APPLICABLE'],
    ['ALREADY_HELD', 'ALREADY_HELD'],
  ])('%s shows %s whatever the clock says', (status, flag) => {
    expect(boardFlag({ status, clock: notAccepted }, d('2023-03-28'), 3, calendar)).toBe(flag);
    // Even a clock long past its due date does not colour a closed or unstarted procedure.
    expect(boardFlag({ status, clock: running }, d('2023-06-30'), 3, calendar)).toBe(flag);
  });

  it('colours an accepted procedure by its clock', () => {
    const flag = (asOf: string) => boardFlag({ status: 'ACCEPTED', clock: running }, d(asOf), 3, calendar);
    expect(flag('2023-03-06')).toBe('BLUE');
    expect(flag('2023-03-14')).toBe('BLUE'); // 4 left
    expect(flag('2023-03-15')).toBe('YELLOW'); // 3 left
    expect(flag('2023-03-20')).toBe('YELLOW'); // due today
    expect(flag('2023-03-21')).toBe('RED');
  });

  it('keeps the colour a supplement request found', () => {
    const clock = new ProcedureClock({ ...running, pauses: [{ from: d('2023-03-16') }] }); // 2 left on 16 Mar
    expect(boardFlag({ status: 'SUPPLEMENT_REQUESTED', clock }, d('2023-03-16'), 3, calendar)).toBe('YELLOW');
    expect(boardFlag({ status: 'SUPPLEMENT_REQUESTED', clock }, d('2023-05-30'), 3, calendar)).toBe('YELLOW');
    const early = { ...running, pauses: [{ from: d('2023-03-07') }] };
    expect(boardFlag({ status: 'SUPPLEMENT_REQUESTED', clock: early }, d('2023-05-30'), 3, calendar)).toBe(
      'BLUE',
    );
    const late = { ...running, pauses: [{ from: d('2023-03-22') }] };
    expect(boardFlag({ status: 'SUPPLEMENT_REQUESTED', clock: late }, d('2023-05-30'), 3, calendar)).toBe(
      'RED',
    );
  });

  it('refuses an accepted procedure without an acceptance date', () => {
    expect(() => boardFlag({ status: 'ACCEPTED', clock: notAccepted }, d('2023-03-10'), 3, calendar)).toThrow(
      /acceptance date/,
    );
  });
});
