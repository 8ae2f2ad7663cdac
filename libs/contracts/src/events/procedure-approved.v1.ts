import { defineProcedureEvent } from './procedure-event';

/** The department approved (办结); `documentNumber` and `completedOn` are set. */
export const ProcedureApprovedV1 = defineProcedureEvent('ProcedureApproved');
