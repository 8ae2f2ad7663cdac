import { z } from 'zod';
import { DepartmentCode } from '../enums';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { deadlineRecipient } from './escalation-raised.v1';
import { Topics } from './topics';

/**
 * An escalation raised in error is withdrawn: its procedure turned out to have been completed by its
 * due date (the completion was recorded after the escalation was raised). Internal, never public;
 * on the escalation topic, keyed like the escalation it withdraws.
 */
export const EscalationWithdrawnV1 = defineEvent(
  Topics.DEADLINE_ESCALATION,
  'EscalationWithdrawn',
  1,
  z.object({
    escalationId: z.uuid(),
    subject: z.string(),
    rung: z.string(),
    projectCode: z.string(),
    procedureId: z.string().optional(),
    applicationNumber: z.number().int().min(0).optional(),
    department: z.enum(DepartmentCode).optional(),
    dueDate: localDate.optional(),
    /** The day the procedure was completed (on or before `dueDate`). */
    completedOn: localDate,
    withdrawnAt: z.iso.datetime({ offset: true }),
    /** Why, for the people who had received the escalation. */
    reason: z.string(),
    recipients: z.array(deadlineRecipient).optional(),
  }),
);
