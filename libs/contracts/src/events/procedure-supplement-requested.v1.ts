import { z } from 'zod';
import { SupplementReason } from '../enums';
import { defineProcedureEvent } from './procedure-event';

/** The department asked for a supplement (补正): the clock pauses. */
export const ProcedureSupplementRequestedV1 = defineProcedureEvent('ProcedureSupplementRequested', {
  public: { supplementReason: z.enum(SupplementReason) },
});
