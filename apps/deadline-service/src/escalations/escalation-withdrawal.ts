import { statusClassOf } from '@banjie/domain';
import type { ProcedureStatus } from '@banjie/contracts';

/** What the projection knows of a procedure's completion. */
export interface CompletionFacts {
  procedureId: string;
  applicationNumber: number;
  status: ProcedureStatus;
  effectiveDate: string;
  completedOn: string | null;
}

/** The day the procedure was completed (approved, or found not applicable or already held), or null while it is not. */
export function completionDayOf(p: CompletionFacts): string | null {
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

/** What a withdrawn escalation says, in Chinese. */
export function describeWithdrawal(
  escalation: { rung: string; dueDate: string | null },
  completedOn: string,
): string {
  return `${escalation.rung} 升级提醒撤回：该手续已于 ${completedOn} 办结，未超过办理时限（${escalation.dueDate}），办结信息录入晚于升级提醒。`;
}
