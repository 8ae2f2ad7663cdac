import { defineProcedureEvent } from './procedure-event';

/** The department refused the application (the reason is internal); the applicant may apply again. */
export const ProcedureRefusedV1 = defineProcedureEvent('ProcedureRefused');
