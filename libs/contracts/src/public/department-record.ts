import { z } from 'zod';
import { DEPARTMENT_CODES, IndustryCluster } from '../enums';
import { localDate } from '../events/common-fields';

/**
 * One department's public record of kept promises as of a day (the notice service's
 * `GET /api/departments`): counts and working days only, computed from the procedures' public
 * snapshots. Strict: no name, reason, phone number or actor can get through.
 */
export const publicDepartmentRecord = z.strictObject({
  department: z.enum(DEPARTMENT_CODES),
  /** Procedures it approved (办结), with an accepted application. */
  completed: z.number().int().min(0),
  /** Of those, approved by the last day of the limit (the committed limit, moved by supplements, art. 45 periods and extensions). */
  completedWithinLimit: z.number().int().min(0),
  /** completedWithinLimit ÷ completed, 3 decimals; null when nothing was completed. */
  withinLimitRate: z.number().min(0).max(1).nullable(),
  /** Median working days counted against the limit, from acceptance to approval; null when nothing was completed. */
  medianUsedWorkingDays: z.number().min(0).nullable(),
  /** Median committed limit of the same procedures, in working days (extensions not included). */
  medianCommittedWorkingDays: z.number().min(0).nullable(),
  /** Current applications the law deemed accepted because it never decided within the window (art. 32). */
  deemedAccepted: z.number().int().min(0),
  /** Current applications it accepted after their acceptance window had closed. */
  acceptedAfterWindow: z.number().int().min(0),
  /** Applications submitted and not yet accepted. */
  waitingForAcceptance: z.number().int().min(0),
  /** Of those, waiting past their window's last day. */
  waitingPastWindow: z.number().int().min(0),
  /** Accepted applications past their due date (a RED flag). */
  overdue: z.number().int().min(0),
});
export type PublicDepartmentRecord = z.infer<typeof publicDepartmentRecord>;

/** Every department's record as of one day, in the order of DEPARTMENT_CODES: six entries, not a paged list. */
export const publicDepartmentRecords = z.strictObject({
  asOf: localDate,
  /** The projects counted: those on the list that day, of this cluster and chain when given. */
  filters: z.strictObject({
    cluster: z.enum(IndustryCluster).optional(),
    chain: z.string().max(100).optional(),
  }),
  departments: z.array(publicDepartmentRecord).max(DEPARTMENT_CODES.length),
});
export type PublicDepartmentRecords = z.infer<typeof publicDepartmentRecords>;
