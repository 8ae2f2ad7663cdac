import { defineProcedureEvent } from './procedure-event';

/** The applicant withdrew the application; it may apply again. */
export const ProcedureWithdrawnV1 = defineProcedureEvent('ProcedureWithdrawn');
