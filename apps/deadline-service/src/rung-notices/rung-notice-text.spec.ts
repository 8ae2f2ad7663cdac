import { createChineseWorkingDayCalendar, type LocalDate } from '@banjie/domain';
import {
  describeAcceptanceNotice,
  describeRungNotice,
  remainingOnRaisingDay,
  type AcceptanceNoticeFacts,
  type RungNoticeFacts,
} from './rung-notice-text';

const calendar = createChineseWorkingDayCalendar();
const notice = (fields: Partial<RungNoticeFacts>): RungNoticeFacts => ({
  procedureId: 'BJ-2023-0001-EIA',
  applicationNumber: 1,
  department: 'EEB',
  dueDate: '2023-03-06',
  remainingWorkingDays: -1,
  ...fields,
});

describe('describeRungNotice', () => {
  it('counts the working days left before the due date, one as well as several', () => {
    expect(describeRungNotice(notice({ remainingWorkingDays: 3 }), '2023-03-01')).toBe(
      'BJ-2023-0001-EIA（第 1 次申请，EEB）应于 2023-03-06 前办结，还剩 3 个工作日。',
    );
    expect(describeRungNotice(notice({ remainingWorkingDays: 1 }), '2023-03-03')).toBe(
      'BJ-2023-0001-EIA（第 1 次申请，EEB）应于 2023-03-06 前办结，还剩 1 个工作日。',
    );
  });

  it('says the due day is today, and marks a provisional date', () => {
    expect(describeRungNotice(notice({ remainingWorkingDays: 0, provisional: true }), '2023-03-06')).toBe(
      'BJ-2023-0001-EIA（第 1 次申请，EEB）今天（2023-03-06（暂定））到期，请于今日办结。',
    );
  });

  it('says how overdue the procedure is on the day the escalation is raised', () => {
    expect(describeRungNotice(notice({}), '2023-03-07')).toBe(
      'BJ-2023-0001-EIA（第 1 次申请，EEB）应于 2023-03-06 办结，截至 2023-03-07 已超期 1 个工作日。',
    );
    expect(describeRungNotice(notice({}), '2026-11-30', -900)).toContain(
      '截至 2026-11-30 已超期 900 个工作日',
    );
    expect(describeRungNotice(notice({}), '2026-11-30', -900)).not.toMatch(/working days?/);
  });
});

describe('remainingOnRaisingDay', () => {
  it('is the rung’s own figure when raised on the rung’s day', () => {
    expect(remainingOnRaisingDay(notice({}), '2023-03-07' as LocalDate, calendar)).toBe(-1);
    expect(
      remainingOnRaisingDay(notice({ remainingWorkingDays: 3 }), '2023-03-01' as LocalDate, calendar),
    ).toBe(3);
  });

  it('counts the working days overdue up to the day a late escalation is raised', () => {
    // Due Monday 6 March 2023, raised Monday 13 March: 7, 8, 9, 10 and 13 March are working days.
    expect(remainingOnRaisingDay(notice({}), '2023-03-13' as LocalDate, calendar)).toBe(-5);
    const years = remainingOnRaisingDay(notice({}), '2026-11-30' as LocalDate, calendar);
    expect(years).toBe(-calendar.workingDaysBetween('2023-03-06' as LocalDate, '2026-11-30' as LocalDate));
    expect(years).toBeLessThan(-900);
  });
});

describe('describeAcceptanceNotice', () => {
  const acceptance = (fields: Partial<AcceptanceNoticeFacts>): AcceptanceNoticeFacts => ({
    ...notice({ dueDate: '2027-01-08', remainingWorkingDays: 1 }),
    kind: 'REMINDER',
    acceptance: { receivedOn: '2027-01-04', windowWorkingDays: 5 },
    ...fields,
  });

  it('reminds the department how many working days of the acceptance window are left', () => {
    expect(describeAcceptanceNotice(acceptance({}))).toBe(
      'BJ-2023-0001-EIA（第 1 次申请，EEB）受理期限还剩 1 个工作日（至 2027-01-08），请在期限内受理、不予受理或一次性告知需补正的全部材料。',
    );
    expect(describeAcceptanceNotice(acceptance({ remainingWorkingDays: 3, provisional: true }))).toContain(
      '受理期限还剩 3 个工作日（至 2027-01-08（暂定））',
    );
    expect(describeAcceptanceNotice(acceptance({ remainingWorkingDays: 0 }))).toBe(
      'BJ-2023-0001-EIA（第 1 次申请，EEB）受理期限今天（2027-01-08）届满，请于今日受理、不予受理或一次性告知需补正的全部材料；逾期未作决定的，视为受理。',
    );
  });

  it('tells the supervisors an application was deemed accepted under art. 32', () => {
    expect(describeAcceptanceNotice(acceptance({ kind: 'ESCALATION', remainingWorkingDays: -3 }))).toBe(
      'BJ-2023-0001-EIA（第 1 次申请）视为受理。《行政许可法》第三十二条：EEB 自 2027-01-04 收到申请材料后 5 个工作日内未作受理决定，已视为受理，承诺时限自受理之日起计算。',
    );
  });
});
