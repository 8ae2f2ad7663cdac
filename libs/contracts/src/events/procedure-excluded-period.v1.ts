import { z } from 'zod';
import { ExcludedPeriodReason } from '../enums';
import { defineProcedureEvent } from './procedure-event';

/** A period the law leaves out of the limit began (art. 45: expert review, hearing …): the clock pauses. */
export const ProcedureExcludedPeriodBegunV1 = defineProcedureEvent('ProcedureExcludedPeriodBegun', {
  public: { excludedReason: z.enum(ExcludedPeriodReason) },
});

/** The excluded period ended: the clock runs again, its due date moved by the period's working days. */
export const ProcedureExcludedPeriodEndedV1 = defineProcedureEvent('ProcedureExcludedPeriodEnded');
