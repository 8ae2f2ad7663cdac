import { CalendarNotCoveredError, type LocalDate, type WorkingDayCalendar } from '@banjie/domain';
import type { RungNotice } from '@banjie/workflows';

export type RungNoticeFacts = Pick<
  RungNotice,
  'procedureId' | 'applicationNumber' | 'department' | 'dueDate' | 'provisional' | 'remainingWorkingDays'
>;

/**
 * What a reminder or escalation of a procedure's ladder says, in Chinese, for the people who read it.
 * `raisedOn` is the day it is actually sent and `remainingOnRaisingDay` the working days left on that
 * day (negative when overdue): a rung raised long after its day (a clock started late) says how
 * overdue the procedure is when it is raised, not on the rung's day.
 */
export function describeRungNotice(
  notice: RungNoticeFacts,
  raisedOn: string,
  remainingOnRaisingDay: number = notice.remainingWorkingDays,
): string {
  const what = `${notice.procedureId}（第 ${notice.applicationNumber} 次申请，${notice.department}）`;
  // A provisional date may still move when its year's arrangement is published: every text says so.
  const due = notice.provisional ? `${notice.dueDate}（暂定）` : notice.dueDate;
  if (remainingOnRaisingDay > 0) return `${what}应于 ${due} 前办结，还剩 ${remainingOnRaisingDay} 个工作日。`;
  if (remainingOnRaisingDay === 0) return `${what}今天（${due}）到期，请于今日办结。`;
  return `${what}应于 ${due} 办结，截至 ${raisedOn} 已超期 ${-remainingOnRaisingDay} 个工作日。`;
}

export type AcceptanceNoticeFacts = RungNoticeFacts &
  Pick<RungNotice, 'kind'> & { acceptance: NonNullable<RungNotice['acceptance']> };

/**
 * What an acceptance window's notice says: the department's reminder before the window closes
 * (受理时限, art. 32), or the supervisors' notice that the application was deemed accepted.
 */
export function describeAcceptanceNotice(notice: AcceptanceNoticeFacts): string {
  const { receivedOn, windowWorkingDays } = notice.acceptance;
  if (notice.kind === 'ESCALATION') {
    return (
      `${notice.procedureId}（第 ${notice.applicationNumber} 次申请）视为受理。《行政许可法》第三十二条：` +
      `${notice.department} 自 ${receivedOn} 收到申请材料后 ${windowWorkingDays} 个工作日内未作受理决定，` +
      `已视为受理，承诺时限自受理之日起计算。`
    );
  }
  const what = `${notice.procedureId}（第 ${notice.applicationNumber} 次申请，${notice.department}）`;
  const due = notice.provisional ? `${notice.dueDate}（暂定）` : notice.dueDate;
  const act = '受理、不予受理或一次性告知需补正的全部材料';
  if (notice.remainingWorkingDays > 0)
    return `${what}受理期限还剩 ${notice.remainingWorkingDays} 个工作日（至 ${due}），请在期限内${act}。`;
  return `${what}受理期限今天（${due}）届满，请于今日${act}；逾期未作决定的，视为受理。`;
}

/**
 * Working days left on the day a rung is actually raised: a clock started late raises its rungs
 * days or years after their day, and the procedure is as overdue as it is then. When the calendar
 * cannot count to that day the rung's own figure stands.
 */
export function remainingOnRaisingDay(
  notice: Pick<RungNotice, 'dueDate' | 'remainingWorkingDays'>,
  raisedOn: LocalDate,
  calendar: WorkingDayCalendar,
): number {
  try {
    return Math.min(
      notice.remainingWorkingDays,
      calendar.workingDaysBetween(raisedOn, notice.dueDate as LocalDate),
    );
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return notice.remainingWorkingDays;
    throw error;
  }
}
