import { z } from 'zod';
import { defineProcedureEvent } from './procedure-event';

/** The department extended the limit once, within the ceiling; `dueDate` moves. */
export const ProcedureExtendedV1 = defineProcedureEvent('ProcedureExtended', {
  public: { extensionDays: z.number().int().positive() },
});
