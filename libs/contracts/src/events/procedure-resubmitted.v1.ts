import { defineProcedureEvent } from './procedure-event';

/** The applicant answered the supplement request: the clock resumes. */
export const ProcedureResubmittedV1 = defineProcedureEvent('ProcedureResubmitted');
