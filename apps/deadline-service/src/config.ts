import { z } from 'zod';
import {
  COMPLETION_RATE_TARGET,
  DEFAULT_HORIZON_WARNING_FROM,
  isMonthDay,
  isMeaningfulQuarter,
  MEANINGFUL_QUARTERS,
  quarterOf,
  shanghaiLocalDate,
} from '@banjie/domain';
import {
  commaSeparatedList,
  loadConfig,
  platformEnvironment,
  portVariable,
  type ServiceConfig,
} from '@banjie/platform';
import type { AcceptanceReminders, DeadlineLadder } from '@banjie/workflows';
import { DURATION_RULE, parseDurationMs } from './acceptance/duration';
import {
  requireWebhookSecret,
  webhookConfig,
  webhookEnvironment,
  type WebhookConfig,
} from './webhooks/webhook.config';

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a wall time 'HH:MM' (Asia/Shanghai)");
/** A comma-separated list of reminders, each a whole number of working days before `what`. */
const workingDaysBefore = (fallback: string, what: string) =>
  commaSeparatedList(fallback).pipe(
    z.array(
      z
        .string()
        .regex(/^\d{1,2}$/, `each reminder must be a whole number of working days (0–99) before ${what}`)
        .transform(Number),
    ),
  );
const MAX_RECORDING_GRACE_MS = 7 * 24 * 3600_000;
/** How long after a submission was recorded its lapse may be reported at the earliest: up to a week. */
const recordingGrace = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const ms = parseDurationMs(value);
      if (ms === null || ms > MAX_RECORDING_GRACE_MS) {
        context.addIssue({ code: 'custom', message: `${DURATION_RULE}, at most 7 days (P7D)` });
        return z.NEVER;
      }
      return ms;
    });
const quarterLabel = z
  .string()
  .refine(
    isMeaningfulQuarter,
    `must be a quarter 'YYYY-Qn' from ${MEANINGFUL_QUARTERS.first} to ${MEANINGFUL_QUARTERS.last}, e.g. 2023-Q1`,
  );

const deadlineEnvironment = platformEnvironment
  .extend({
    DEADLINE_PORT: portVariable(3004),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[\w.-]+:\d+$/, 'must be host:port')
      .default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('banjie-deadlines'),
    WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
    // The CLI dev server (SQLite) starts workflows fastest with a few calls in flight; a cluster takes more.
    TEMPORAL_CALLS_IN_FLIGHT: z.coerce.number().int().min(1).max(256).default(4),
    // Set, not derived from the heap limit as the SDK would: a capped heap (--max-old-space-size) would shrink it to a few dozen.
    TEMPORAL_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1_000),
    START_WATCH_GRACE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(10 * 60_000),
    DEADLINE_REMINDER_WORKING_DAYS: workingDaysBefore('3,0', 'the due date'),
    DEADLINE_OFFICIAL_AFTER_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
    DEADLINE_FIRE_AT: wallTime.default('09:00'),
    DEADLINE_ACCEPTANCE_REMINDER_WORKING_DAYS_BEFORE: workingDaysBefore(
      '1',
      "the acceptance window's last day",
    ),
    DEADLINE_ACCEPTANCE_RECORDING_GRACE: recordingGrace('PT1H'),
    CALENDAR_HORIZON_WARNING_FROM: z
      .string()
      .refine(isMonthDay, 'must be a day of the year MM-DD, e.g. 11-01')
      .default(DEFAULT_HORIZON_WARNING_FROM),
    ESCALATION_ACK_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(24 * 3600_000),
    ESCALATION_FOLLOW_UP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
    RECONCILE_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .default(5 * 60_000),
    TARGET_QUARTER: quarterLabel.optional(),
    TARGET_COMPLETION_RATE: z.coerce.number().gt(0).max(1).default(COMPLETION_RATE_TARGET),
    TARGET_CHECKPOINT_AT: wallTime.default('18:00'),
    TARGET_FORECAST_WINDOW_WORKING_DAYS: z.coerce.number().int().min(1).optional(),
    TARGET_AT_RISK_LIMIT: z.coerce.number().int().min(1).max(100).default(10),
    ...webhookEnvironment,
  })
  .superRefine(requireWebhookSecret);

export interface QuarterTargetConfig {
  quarter: string;
  target: number;
  checkpointAt: string;
  forecastWindowWorkingDays?: number;
  atRiskLimit: number;
}

export interface DeadlineConfig extends ServiceConfig {
  /** How long past a planned start the watch waits for late-arriving lifecycle news before escalating. */
  startWatchGraceMs: number;
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    shutdownGraceMs: number;
    callsInFlight: number;
    maxCachedWorkflows: number;
  };
  ladder: DeadlineLadder;
  /** The acceptance window's reminders, and how long after a submission was recorded its lapse is reported at the earliest. */
  acceptance: { reminders: AcceptanceReminders; recordingGraceMs: number };
  escalations: { ackTimeoutMs: number; followUpIntervalMs: number };
  reconcileIntervalMs: number;
  /** From this day of the year (MM-DD) the admins are escalated to once while next year's calendar is not published. */
  calendarHorizonWarningFrom: string;
  quarterTarget: QuarterTargetConfig;
  /** Signed outgoing webhooks; null when DEADLINE_WEBHOOK_URLS is not set. */
  webhooks: WebhookConfig | null;
}

export const DEADLINE_CONFIG = Symbol('DEADLINE_CONFIG');

export function deadlineConfig(env: NodeJS.ProcessEnv = process.env): DeadlineConfig {
  const config = loadConfig(deadlineEnvironment, env);
  return {
    ...config,
    serviceName: 'deadline-service',
    httpPort: config.DEADLINE_PORT,
    databaseSchema: 'deadline',
    startWatchGraceMs: config.START_WATCH_GRACE_MS,
    temporal: {
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      shutdownGraceMs: config.WORKER_SHUTDOWN_GRACE_MS,
      callsInFlight: config.TEMPORAL_CALLS_IN_FLIGHT,
      maxCachedWorkflows: config.TEMPORAL_MAX_CACHED_WORKFLOWS,
    },
    ladder: {
      reminderWorkingDaysBefore: config.DEADLINE_REMINDER_WORKING_DAYS,
      officialAfterWorkingDays: config.DEADLINE_OFFICIAL_AFTER_WORKING_DAYS,
      fireAt: config.DEADLINE_FIRE_AT,
    },
    acceptance: {
      reminders: {
        workingDaysBefore: config.DEADLINE_ACCEPTANCE_REMINDER_WORKING_DAYS_BEFORE,
        fireAt: config.DEADLINE_FIRE_AT,
      },
      recordingGraceMs: config.DEADLINE_ACCEPTANCE_RECORDING_GRACE,
    },
    escalations: {
      ackTimeoutMs: config.ESCALATION_ACK_TIMEOUT_MS,
      followUpIntervalMs: config.ESCALATION_FOLLOW_UP_INTERVAL_MS,
    },
    reconcileIntervalMs: config.RECONCILE_INTERVAL_MS,
    calendarHorizonWarningFrom: config.CALENDAR_HORIZON_WARNING_FROM,
    quarterTarget: {
      quarter: config.TARGET_QUARTER ?? quarterOf(shanghaiLocalDate(new Date())).label,
      target: config.TARGET_COMPLETION_RATE,
      checkpointAt: config.TARGET_CHECKPOINT_AT,
      ...(config.TARGET_FORECAST_WINDOW_WORKING_DAYS === undefined
        ? {}
        : { forecastWindowWorkingDays: config.TARGET_FORECAST_WINDOW_WORKING_DAYS }),
      atRiskLimit: config.TARGET_AT_RISK_LIMIT,
    },
    webhooks: webhookConfig(config),
  };
}
