import { z } from 'zod';
import { DepartmentCode } from '../enums';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { deadlineRecipient } from './escalation-raised.v1';
import { Topics } from './topics';

/** Why an escalation was raised in error. */
export const EscalationWithdrawalGround = {
  /** The procedure was completed by the due date the escalation names (v1 says this one). */
  COMPLETED_IN_TIME: 'COMPLETED_IN_TIME',
  /** A change recorded later (an extension, a pause, back-dated) moved the due date so that the escalation's rung was never reached. */
  DUE_DATE_MOVED: 'DUE_DATE_MOVED',
} as const;
export type EscalationWithdrawalGround =
  (typeof EscalationWithdrawalGround)[keyof typeof EscalationWithdrawalGround];

/**
 * An escalation raised in error is withdrawn, on any ground: v1 can only say "completed in time"
 * (its `completedOn` is required), so a withdrawal because the due date moved is published as v2.
 * Internal, never public; on the escalation topic, keyed like the escalation it withdraws.
 */
export const EscalationWithdrawnV2 = defineEvent(
  Topics.DEADLINE_ESCALATION,
  'EscalationWithdrawn',
  2,
  z.object({
    escalationId: z.uuid(),
    subject: z.string(),
    rung: z.string(),
    projectCode: z.string(),
    procedureId: z.string().optional(),
    applicationNumber: z.number().int().min(0).optional(),
    department: z.enum(DepartmentCode).optional(),
    /** The due date the escalation named. */
    dueDate: localDate.optional(),
    ground: z.enum(EscalationWithdrawalGround),
    /** DUE_DATE_MOVED: the procedure's due date now. */
    currentDueDate: localDate.optional(),
    /** DUE_DATE_MOVED: the day the escalation's rung falls on by the current due date (after today, or after the completion). */
    rungDate: localDate.optional(),
    /** The day the procedure was completed, if it has been. */
    completedOn: localDate.optional(),
    withdrawnAt: z.iso.datetime({ offset: true }),
    /** Why, for the people who had received the escalation. */
    reason: z.string(),
    recipients: z.array(deadlineRecipient).optional(),
  }),
);
