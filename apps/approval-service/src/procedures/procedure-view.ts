import { PROCEDURE_ACTIONS, ProcedureStatus, type ProcedureAction } from '@banjie/contracts';
import { allowedActions, mayAct, PROCEDURE_CATALOGUE, type WorkingDayCalendar } from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import type { ProjectScope } from '../projects/project-directory.repository';
import { readAcceptance } from './procedure-acceptance';
import { readClock } from './procedure-clock';
import { publicProcedureFields } from './public-procedure-fields';
import type { ProcedureRecord } from './procedure.record';

/** Where a procedure stands against its plan's target date. */
export type TargetStatus = 'NO_TARGET' | 'ON_TRACK' | 'MET' | 'MISSED';

export interface ViewContext {
  asOf: string;
  dueSoonWorkingDays: number;
  acceptanceClosingSoonWorkingDays: number;
  calendar: WorkingDayCalendar;
  actor: Actor;
}

function targetStatus(record: ProcedureRecord, asOf: string): TargetStatus {
  if (record.targetDate === null) return 'NO_TARGET';
  if (record.completedOn !== null && record.status === ProcedureStatus.APPROVED)
    return record.completedOn <= record.targetDate ? 'MET' : 'MISSED';
  return asOf > record.targetDate ? 'MISSED' : 'ON_TRACK';
}

/**
 * A procedure as the API returns it: the public snapshot, plus what is derived on reading (never
 * stored): the clock as of `asOf` — while SUBMITTED, the acceptance window's — the target status,
 * the actions allowed from here and the ones the caller may perform.
 */
export function procedureView(record: ProcedureRecord, project: ProjectScope, context: ViewContext) {
  const allowed = allowedActions(record);
  const scope = {
    department: record.department,
    projectEnterpriseId: project.ownerEnterpriseId,
    projectHelpers: project.helperLogins,
  };
  const permitted = allowed.filter((action: ProcedureAction) => mayAct(context.actor, scope, action).allowed);
  const clock = readClock(record, context.asOf, context.dueSoonWorkingDays, context.calendar);
  return {
    ...publicProcedureFields(record, context.calendar),
    procedureName: PROCEDURE_CATALOGUE[record.procedure].nameZh,
    asOf: context.asOf,
    deadlineStatus: clock.deadlineStatus,
    remainingWorkingDays: clock.remainingWorkingDays,
    acceptance: readAcceptance(
      record,
      context.asOf,
      context.acceptanceClosingSoonWorkingDays,
      context.calendar,
    ),
    targetStatus: targetStatus(record, context.asOf),
    allowedActions: PROCEDURE_ACTIONS.filter((action) => allowed.includes(action)),
    permittedActions: permitted,
  };
}
export type ProcedureView = ReturnType<typeof procedureView>;
