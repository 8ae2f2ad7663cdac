import { procedureIdOf, type PublicProcedureFields } from '@banjie/contracts';
import type { WorkingDayCalendar } from '@banjie/domain';
import { acceptanceDueDateOf } from './procedure-acceptance';
import { dueDateOf } from './procedure-clock';
import type { ProcedureRecord } from './procedure.record';

/** The procedure's public fields, the whole of what every event on `approval.procedure.v1` carries as `public`. */
export function publicProcedureFields(
  record: ProcedureRecord,
  calendar: WorkingDayCalendar,
): PublicProcedureFields {
  return {
    procedureId: procedureIdOf(record.projectCode, record.procedure),
    projectCode: record.projectCode,
    procedure: record.procedure,
    department: record.department,
    status: record.status,
    sequence: record.sequence,
    effectiveDate: record.effectiveDate,
    applicationNumber: record.applicationNumber,
    committedWorkingDays: record.committedWorkingDays,
    extensionWorkingDays: record.extensionWorkingDays,
    submittedOn: record.submittedOn,
    acceptedOn: record.acceptedOn,
    acceptanceWorkingDays: record.acceptanceWorkingDays,
    acceptanceDueDate: acceptanceDueDateOf(record, calendar),
    preAcceptanceSupplement: record.preAcceptanceSupplement,
    deemedAccepted: record.deemedAccepted,
    pauses: record.pauses.map(({ from, to, excludedReason }) => ({
      from,
      to,
      ...(excludedReason !== undefined ? { excludedReason } : {}),
    })),
    baselineDate: record.baselineDate,
    targetDate: record.targetDate,
    ...dueDateOf(record, calendar),
    completedOn: record.completedOn,
    documentNumber: record.documentNumber,
  };
}
