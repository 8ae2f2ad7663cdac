import { defineProcedureEvent } from './procedure-event';

/** The project already holds this approval (with its document number). */
export const ProcedureMarkedAlreadyHeldV1 = defineProcedureEvent('ProcedureMarkedAlreadyHeld');
