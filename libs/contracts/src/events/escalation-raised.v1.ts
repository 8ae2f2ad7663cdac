import { z } from 'zod';
import { defineEvent } from './envelope';
import { Topics } from './topics';

/** A deadline was missed (or a target is at risk): supervisors must act. Internal, never public. */
export const EscalationRaisedV1 = defineEvent(
  Topics.DEADLINE_ESCALATION,
  'EscalationRaised',
  1,
  z.object({
    escalationId: z.uuid(),
    subject: z.string(),
    rung: z.string(),
    projectCode: z.string(),
    procedureId: z.string().optional(),
    reason: z.string(),
    raisedAt: z.iso.datetime({ offset: true }),
  }),
);
