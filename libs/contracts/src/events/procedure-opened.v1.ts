import { defineProcedureEvent } from './procedure-event';

/** The procedure was created from the project's plan (PLANNED, NOT_APPLICABLE or ALREADY_HELD). */
export const ProcedureOpenedV1 = defineProcedureEvent('ProcedureOpened');
