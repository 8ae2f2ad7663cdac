import { z } from 'zod';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { Topics } from './topics';

const tally = {
  applicable: z.number().int().min(0),
  completed: z.number().int().min(0),
  /** completed / applicable, 3 decimals; null when nothing is applicable. */
  rate: z.number().min(0).max(1).nullable(),
  /** rate ≥ target; null when there is no rate. */
  met: z.boolean().nullable(),
};

/** At the end of a quarter (Asia/Shanghai), the completion-rate target was met or missed, overall and by department. */
export const QuarterTargetConcludedV1 = defineEvent(
  Topics.DEADLINE_QUARTER_TARGET,
  'QuarterTargetConcluded',
  1,
  z.object({
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
    lastDay: localDate,
    target: z.number().min(0).max(1),
    overall: z.object(tally),
    byDepartment: z.array(z.object({ department: z.string(), ...tally })),
    concludedAt: z.iso.datetime({ offset: true }),
  }),
);
