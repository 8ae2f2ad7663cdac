import { defineProcedureEvent } from './procedure-event';

/** The enterprise (or its helper) submitted an application. */
export const ProcedureSubmittedV1 = defineProcedureEvent('ProcedureSubmitted');
