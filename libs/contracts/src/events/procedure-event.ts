import { z } from 'zod';
import {
  DepartmentCode,
  ExcludedPeriodReason,
  ProcedureCode,
  ProcedureStatus,
  Role,
  SupplementReason,
} from '../enums';
import { localDate, projectCode } from './common-fields';
import { defineEvent } from './envelope';
import { Topics } from './topics';

/** One procedure of one project, for life: `<project code>-<procedure code>`, e.g. `BJ-2023-0001-EIA`. */
export const procedureId = z.string().regex(/^BJ-\d{4}-\d{4,}-[A-Z_]+$/, 'must look like BJ-2023-0001-EIA');
export const procedureIdOf = (project: string, procedure: ProcedureCode): string => `${project}-${procedure}`;

/**
 * A pause of the accepted application's clock, from `from` to `to` (null while open): a supplement
 * request (补正), or — with `excludedReason` — a period the law leaves out of the limit (art. 45).
 * Either way the due date moves by the paused working days; `excludedReason` is optional, added within v1.
 */
export const clockPause = z.object({
  from: localDate,
  to: localDate.nullable(),
  excludedReason: z.enum(ExcludedPeriodReason).optional(),
});

/** A supplement asked for before acceptance (一次性告知, once per submission): asked on `from`, delivered on `to`. */
export const preAcceptanceSupplement = z.object({
  from: localDate,
  to: localDate.nullable(),
  supplementReason: z.enum(SupplementReason),
});

/**
 * What anybody may see of a procedure after the change: the whole public snapshot, so a consumer
 * can project it without history. `sequence` grows by one with every change of the procedure;
 * consumers keep the highest and ignore older ones (events may be redelivered or replayed).
 */
export const publicProcedureFields = z.object({
  procedureId,
  projectCode,
  procedure: z.enum(ProcedureCode),
  department: z.enum(DepartmentCode),
  status: z.enum(ProcedureStatus),
  sequence: z.number().int().positive(),
  /** The civil day (Asia/Shanghai) the change took effect. */
  effectiveDate: localDate,
  /** 1 for the first application; +1 for each application after a refusal or withdrawal. */
  applicationNumber: z.number().int().min(0),
  /** The committed limit in working days from acceptance (null when the procedure is not required). */
  committedWorkingDays: z.number().int().positive().nullable(),
  extensionWorkingDays: z.number().int().min(0),
  /** The day the current application was submitted (null before the first); optional, added within v1. */
  submittedOn: localDate.nullable().optional(),
  /** The day of acceptance (受理) of the current application: the clock runs from the next working day. */
  acceptedOn: localDate.nullable(),
  /** The acceptance window in working days (受理时限, art. 32), from the catalogue or the plan; optional, added within v1. */
  acceptanceWorkingDays: z.number().int().positive().optional(),
  /**
   * While SUBMITTED: the last day the department may accept, refuse or ask once for what is missing;
   * after it the application counts as accepted from the day the materials were received. Null
   * while a supplement before acceptance waits for the applicant, and once decided. Optional, added within v1.
   */
  acceptanceDueDate: localDate.nullable().optional(),
  /** The supplement asked for before acceptance of the current submission; optional, added within v1. */
  preAcceptanceSupplement: preAcceptanceSupplement.nullable().optional(),
  /** True when the current application was not accepted by the department but deemed accepted (art. 32); optional, added within v1. */
  deemedAccepted: z.boolean().optional(),
  /** Supplement requests of the current application, in order. */
  pauses: z.array(clockPause),
  /** The first target ever set in the plan; never moves. */
  baselineDate: localDate.nullable(),
  /** The current target in the plan. */
  targetDate: localDate.nullable(),
  /** The last day of the committed limit, from the Chinese working-day calendar; null when not running. */
  dueDate: localDate.nullable(),
  /** Why `dueDate` is null although the clock runs (e.g. the calendar does not cover the year yet). */
  dueDateUnavailable: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The due date is counted across a year nobody has published yet (暂定); optional, added within v1. */
  dueDateProvisional: z.boolean().optional(),
  /** The working-day calendar version the due date was computed with; optional, added within v1. */
  calendarVersion: z.number().int().min(0).optional(),
  /** The day of approval (办结) or of the document already held. */
  completedOn: localDate.nullable(),
  /** The approval document's number (批复文号), public on the flag board. */
  documentNumber: z.string().nullable(),
  /** Action events: the civil day (Asia/Shanghai) the change was recorded; optional, added within v1. */
  recordedOn: localDate.optional(),
  /** Action events: true when an admin recorded the change as a late entry (补录), older than the back-dating grace; optional, added within v1. */
  lateEntry: z.boolean().optional(),
});
export type PublicProcedureFields = z.infer<typeof publicProcedureFields>;

/** Only for the services that remind and escalate; never public. */
export const internalProcedureFields = z.object({
  actor: z.string(),
  actorRole: z.enum(Role),
  /** The reason the actor gave (refusal, extension, not applicable, withdrawal …). */
  reason: z.string().nullable(),
  ownerEnterpriseId: z.string(),
  /** The subs of the helpers assigned to the project. */
  helpers: z.array(z.string()),
});
export type InternalProcedureFields = z.infer<typeof internalProcedureFields>;

/** Declares one event of the approval service on `approval.procedure.v1`, keyed by project code. */
export function defineProcedureEvent<
  TType extends string,
  TPublic extends z.ZodRawShape = {},
  TInternal extends z.ZodRawShape = {},
>(type: TType, extra: { public?: TPublic; internal?: TInternal } = {}) {
  return defineEvent(
    Topics.APPROVAL_PROCEDURE,
    type,
    1,
    z.object({
      public: publicProcedureFields.extend(extra.public ?? ({} as TPublic)),
      internal: internalProcedureFields.extend(extra.internal ?? ({} as TInternal)),
    }),
  );
}
