import { z } from 'zod';
import { defineEvent } from './envelope';
import { internalProjectFields, publicProjectFields } from './project-registered.v1';
import { Topics } from './topics';

/** A project's registered facts changed; carries the whole new snapshot. */
export const ProjectUpdatedV1 = defineEvent(
  Topics.INTAKE_PROJECT,
  'ProjectUpdated',
  1,
  z.object({
    public: publicProjectFields,
    internal: internalProjectFields.extend({
      changedFields: z.array(z.string()),
      actor: z.string(),
      reason: z.string(),
    }),
  }),
);
