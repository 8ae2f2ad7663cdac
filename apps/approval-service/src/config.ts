import { z } from 'zod';
import { DEFAULT_HORIZON_WARNING_FROM, isMonthDay } from '@banjie/domain';
import { loadConfig, platformEnvironment, portVariable, type ServiceConfig } from '@banjie/platform';

const approvalEnvironment = platformEnvironment.extend({
  APPROVAL_PORT: portVariable(3002),
  APPROVAL_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  APPROVAL_ACCEPTANCE_CLOSING_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(20).default(1),
  APPROVAL_CALENDAR_REFRESH_MS: z.coerce.number().int().min(0).default(30_000),
  CALENDAR_HORIZON_WARNING_FROM: z
    .string()
    .refine(isMonthDay, 'must be a day of the year MM-DD, e.g. 11-01')
    .default(DEFAULT_HORIZON_WARNING_FROM),
  APPROVAL_BACKDATE_GRACE_WORKING_DAYS: z.coerce.number().int().min(0).max(20).default(2),
});

export interface ApprovalConfig extends ServiceConfig {
  /** A running clock with this many working days left or fewer is DUE_SOON. */
  dueSoonWorkingDays: number;
  /** An acceptance window with this many working days left or fewer is CLOSING_SOON. */
  acceptanceClosingSoonWorkingDays: number;
  /** How long the calendar overrides read from the database are reused before being read again. */
  calendarRefreshMs: number;
  /** From this day of the year (MM-DD) /health warns while next year's calendar is not published. */
  calendarHorizonWarningFrom: string;
  /** How many working days back any party may date an action; older ones are late entries (admin only). */
  backdateGraceWorkingDays: number;
}

export const APPROVAL_CONFIG = Symbol('APPROVAL_CONFIG');

export function approvalConfig(env: NodeJS.ProcessEnv = process.env): ApprovalConfig {
  const config = loadConfig(approvalEnvironment, env);
  return {
    ...config,
    serviceName: 'approval-service',
    httpPort: config.APPROVAL_PORT,
    databaseSchema: 'approval',
    dueSoonWorkingDays: config.APPROVAL_DUE_SOON_WORKING_DAYS,
    acceptanceClosingSoonWorkingDays: config.APPROVAL_ACCEPTANCE_CLOSING_SOON_WORKING_DAYS,
    calendarRefreshMs: config.APPROVAL_CALENDAR_REFRESH_MS,
    calendarHorizonWarningFrom: config.CALENDAR_HORIZON_WARNING_FROM,
    backdateGraceWorkingDays: config.APPROVAL_BACKDATE_GRACE_WORKING_DAYS,
  };
}
