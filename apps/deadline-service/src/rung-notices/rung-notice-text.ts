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
