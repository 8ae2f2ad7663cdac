import { z } from 'zod';
import { DepartmentCode } from '../enums';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { Topics } from './topics';

/** Whom an escalation or reminder is addressed to: a role, a department, a helper's login, or a named official. */
export const deadlineRecipient = z.object({
  /** ADMINS: the system's administrators (e.g. next year's calendar is not published yet). */
  kind: z.enum(['SUPERVISORS', 'DEPARTMENT', 'HELPER', 'LEADING_OFFICIAL', 'ADMINS']),
  /** The department code, the helper's login or the official's name; absent for SUPERVISORS. */
  id: z.string().optional(),
});
export type DeadlineRecipient = z.infer<typeof deadlineRecipient>;

/** A procedure that could still change a quarter's result, named in a target escalation. */
export const atRiskProcedure = z.object({
  procedureId: z.string(),
  projectCode: z.string(),
  department: z.string(),
  status: z.string(),
  dueDate: localDate.nullable(),
  /** Working days left until the due date (negative when overdue), as of the reading. */
  remainingWorkingDays: z.number().int().nullable(),
});
export type AtRiskProcedure = z.infer<typeof atRiskProcedure>;

/**
 * A deadline was missed (or a target is at risk): supervisors must act. Internal, never public.
 * For a portfolio-wide escalation (the quarter target) `projectCode` is `PORTFOLIO`.
 */
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
    applicationNumber: z.number().int().min(0).optional(),
    department: z.enum(DepartmentCode).optional(),
    dueDate: localDate.optional(),
    /** The due date is provisional (暂定: counted across a year not published yet). */
    provisional: z.boolean().optional(),
    recipients: z.array(deadlineRecipient).optional(),
    /** The escalation this one follows up because nobody acknowledged it in time. */
    followUpOf: z.uuid().optional(),
    /** For a quarter-target escalation: the procedures most likely to change the result. */
    atRisk: z.array(atRiskProcedure).optional(),
  }),
);
