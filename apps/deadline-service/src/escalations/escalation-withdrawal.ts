import { statusClassOf } from '@banjie/domain';
import type { ProcedureStatus } from '@banjie/contracts';

/** What the projection knows of a procedure that decides whether its escalations stand. */
export interface WithdrawalFacts {
  procedureId: string;
  applicationNumber: number;
  status: ProcedureStatus;
  effectiveDate: string;
  completedOn: string | null;
  /** The procedure's due date now (null when no clock runs or while it is paused). */
  dueDate: string | null;
}

/** What a standing escalation names. */
export interface StandingEscalation {
  rung: string;
  dueDate: string | null;
}

/** Why an escalation was raised in error. */
export type WithdrawalGround =
  | { kind: 'COMPLETED_IN_TIME'; completedOn: string }
  | {
      kind: 'DUE_DATE_MOVED';
      currentDueDate: string;
      rungDate: string;
      /** The day the rung was found not reached: the completion day, else today. */
      asOf: string;
      completedOn: string | null;
    };

/** The day the procedure was completed (approved, or found not applicable or already held), or null while it is not. */
export function completionDayOf(p: WithdrawalFacts): string | null {
  if (statusClassOf(p.status) !== 'COMPLETED') return null;
  return p.completedOn ?? p.effectiveDate;
}

/**
 * An overdue escalation was raised in error when the procedure was completed on or before the due
 * date it names: the completion was merely recorded late (e.g. a replay raised the escalation just
 * before the replayed approval arrived). Such an escalation is withdrawn, not left standing.
 */
export function raisedInError(escalation: { dueDate: string | null }, completedOn: string): boolean {
  return escalation.dueDate !== null && completedOn <= escalation.dueDate;
}

/**
 * Why the escalation was raised in error, or null when it stands: the procedure was completed by
 * the due date the escalation names; or a change recorded later (an extension back-dated within
 * the grace) moved the due date past the one the escalation names, so that by the current due date
 * its rung (`rungDateBy`: the day the rung falls on for a due date, null if unknown) is still ahead
 * of today — or was still ahead when the procedure was completed. An escalation whose rung the
 * procedure has reached anyway by the moved due date stands.
 */
export function withdrawalGround(
  escalation: StandingEscalation,
  procedure: WithdrawalFacts,
  today: string,
  rungDateBy: (rung: string, dueDate: string) => string | null,
): WithdrawalGround | null {
  const completedOn = completionDayOf(procedure);
  if (completedOn !== null && raisedInError(escalation, completedOn))
    return { kind: 'COMPLETED_IN_TIME', completedOn };
  const currentDueDate = procedure.dueDate;
  if (currentDueDate === null || escalation.dueDate === null || currentDueDate <= escalation.dueDate)
    return null;
  const rungDate = rungDateBy(escalation.rung, currentDueDate);
  const asOf = completedOn ?? today;
  return rungDate !== null && rungDate > asOf
    ? { kind: 'DUE_DATE_MOVED', currentDueDate, rungDate, asOf, completedOn }
    : null;
}

/** What a withdrawn escalation says, in Chinese. */
export function describeWithdrawal(escalation: StandingEscalation, ground: WithdrawalGround): string {
  const withdrawn = `${escalation.rung} 升级提醒撤回：`;
  if (ground.kind === 'COMPLETED_IN_TIME')
    return `${withdrawn}该手续已于 ${ground.completedOn} 办结，未超过办理时限（${escalation.dueDate}），办结信息录入晚于升级提醒。`;
  const notReached =
    ground.completedOn === null
      ? `截至 ${ground.asOf} 尚未到达`
      : `该手续已于 ${ground.completedOn} 办结，未到达该节点`;
  return `${withdrawn}办理时限已由 ${escalation.dueDate} 顺延至 ${ground.currentDueDate}，此升级节点随之顺延至 ${ground.rungDate}，${notReached}；时限变更录入晚于升级提醒。`;
}
