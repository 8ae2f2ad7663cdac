import { z } from 'zod';
import { LifecycleState } from '../enums';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { internalProjectFields, publicProjectFields } from './project-registered.v1';
import { Topics } from './topics';

/** A project moved in its lifecycle (e.g. PREPARING → STARTED); carries the new snapshot. */
export const ProjectLifecycleChangedV1 = defineEvent(
  Topics.INTAKE_PROJECT,
  'ProjectLifecycleChanged',
  1,
  z.object({
    public: publicProjectFields.extend({
      transition: z.object({
        from: z.enum(LifecycleState),
        to: z.enum(LifecycleState),
        effectiveDate: localDate,
      }),
    }),
    internal: internalProjectFields.extend({ actor: z.string(), reason: z.string().optional() }),
  }),
);
