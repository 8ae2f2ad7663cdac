import { defineProcedureEvent } from './procedure-event';

/** The department accepted the application (受理): the working-day clock starts. */
export const ProcedureAcceptedV1 = defineProcedureEvent('ProcedureAccepted');
