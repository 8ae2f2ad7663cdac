import { z } from 'zod';
import { Applicability, DepartmentCode, ProcedureCode } from '../enums';
import { localDate, projectCode } from './common-fields';
import { helperContact } from './project-registered.v1';
import { defineEvent } from './envelope';
import { Topics } from './topics';

export const planItem = z.object({
  procedure: z.enum(ProcedureCode),
  applicability: z.enum(Applicability),
  department: z.enum(DepartmentCode),
  /** For ALREADY_HELD: the approval document's number (public, as on the flag board). */
  documentNumber: z.string().optional(),
  /** For REQUIRED: the committed limit, in working days from acceptance. */
  timeLimitWorkingDays: z.number().int().positive().optional(),
  /** For REQUIRED: the acceptance window (受理时限) in working days, when the plan overrides the catalogue's; optional, added within v1. */
  acceptanceWorkingDays: z.number().int().min(1).max(20).optional(),
  /** The first target date ever set for this procedure; never moves. */
  baselineDate: localDate.optional(),
  /** The current target date. */
  targetDate: localDate.optional(),
});
export type PlanItem = z.infer<typeof planItem>;

/** A project's procedure plan over the 11-procedure catalogue, as of a new plan version. */
export const ProcedurePlanChangedV1 = defineEvent(
  Topics.INTAKE_PROCEDURE_PLAN,
  'ProcedurePlanChanged',
  1,
  z.object({
    public: z.object({
      projectCode,
      planVersion: z.number().int().positive(),
      effectiveDate: localDate,
      items: z.array(planItem),
    }),
    internal: z.object({
      actor: z.string(),
      reason: z.string().optional(),
      ownerEnterpriseId: z.string(),
      helpers: z.array(helperContact),
    }),
  }),
);
