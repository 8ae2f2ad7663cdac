import { defineProcedureEvent } from './procedure-event';

/** The procedure does not apply to this project after all. */
export const ProcedureMarkedNotApplicableV1 = defineProcedureEvent('ProcedureMarkedNotApplicable');
