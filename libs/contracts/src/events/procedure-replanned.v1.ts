import { defineProcedureEvent } from './procedure-event';

/** A new plan version changed the procedure's target, limit, department or applicability. */
export const ProcedureReplannedV1 = defineProcedureEvent('ProcedureReplanned');
