import { decide } from '@banjie/domain';
import { applyAction, type ActionCommand } from '../procedures/procedure-action';
import type { ProcedureRecord } from '../procedures/procedure.record';

/** A planned EIA procedure of a test project (15 working days), as the plan consumer creates it. */
export function plannedProcedure(overrides: Partial<ProcedureRecord> = {}): ProcedureRecord {
  return {
    procedureId: 'BJ-2023-0001-EIA',
    projectCode: 'BJ-2023-0001',
    procedure: 'EIA',
    department: 'EEB',
    status: 'PLANNED',
    sequence: 1,
    effectiveDate: '2023-01-05',
    applicationNumber: 0,
    extensionsUsed: 0,
    planApplicability: 'REQUIRED',
    plannedWorkingDays: 15,
    committedWorkingDays: 15,
    extensionWorkingDays: 0,
    acceptanceWorkingDays: 5,
    submittedOn: null,
    preAcceptanceSupplement: null,
    acceptedOn: null,
    deemedAccepted: false,
    pauses: [],
    baselineDate: '2023-03-31',
    targetDate: '2023-03-31',
    completedOn: null,
    documentNumber: null,
    ...overrides,
  };
}

/** Runs actions through the state machine and the service's transition rules, each on its day. */
export function run(record: ProcedureRecord, ...steps: [ActionCommand, string][]): ProcedureRecord {
  return steps.reduce((current, [command, day]) => {
    const decision = decide(current, command.action);
    if (!decision.ok) throw new Error(`${command.action} not allowed from ${current.status}`);
    return applyAction(current, decision, command, day);
  }, record);
}
