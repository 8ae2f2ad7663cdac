import { z } from 'zod';
import { EscalationRaisedV1, EscalationWithdrawnV1, ReminderSentV1 } from '@banjie/contracts';
import { commaSeparatedList } from '@banjie/platform';

/** The events a webhook can carry. */
export const WEBHOOK_EVENT_TYPES = [
  EscalationRaisedV1.type,
  ReminderSentV1.type,
  EscalationWithdrawnV1.type,
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The events a webhook sends when these are chosen: whoever receives escalations also hears when
 * one is withdrawn (raised in error), so an escalation never stands at the receiver after the fact.
 */
export function webhookEventsFor(chosen: readonly WebhookEventType[]): WebhookEventType[] {
  const implied = chosen.includes(EscalationRaisedV1.type) ? [EscalationWithdrawnV1.type] : [];
  return [...new Set([...chosen, ...implied])];
}

/** The webhook variables, merged into the deadline service's environment schema. */
export const webhookEnvironment = {
  DEADLINE_WEBHOOK_URLS: commaSeparatedList().pipe(
    z.array(
      z.url({ protocol: /^https?$/, error: 'each webhook URL must be an absolute http:// or https:// URL' }),
    ),
  ),
  DEADLINE_WEBHOOK_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (the HMAC-SHA256 key receivers verify signatures with)')
    .optional(),
  DEADLINE_WEBHOOK_EVENTS: commaSeparatedList(WEBHOOK_EVENT_TYPES.join(',')).pipe(
    z
      .array(
        z.enum(WEBHOOK_EVENT_TYPES, {
          error: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
        }),
      )
      .min(1, 'name at least one event type'),
  ),
  DEADLINE_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
  DEADLINE_WEBHOOK_INITIAL_BACKOFF_MS: z.coerce.number().int().min(10).default(5_000),
  DEADLINE_WEBHOOK_MAX_BACKOFF_MS: z.coerce.number().int().min(10).default(3_600_000),
  DEADLINE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DEADLINE_WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(1_000),
  DEADLINE_WEBHOOK_MAX_EVENT_AGE_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(7 * 24 * 3600_000),
};

const webhookSchema = z.object(webhookEnvironment);
type WebhookEnvironment = z.infer<typeof webhookSchema>;

/** A webhook needs its signing key: URLs without a secret are refused at boot. */
export function requireWebhookSecret(
  env: Pick<WebhookEnvironment, 'DEADLINE_WEBHOOK_URLS' | 'DEADLINE_WEBHOOK_SECRET'>,
  context: z.RefinementCtx,
): void {
  if (env.DEADLINE_WEBHOOK_URLS.length > 0 && env.DEADLINE_WEBHOOK_SECRET === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['DEADLINE_WEBHOOK_SECRET'],
      message: 'is required when DEADLINE_WEBHOOK_URLS is set (the HMAC-SHA256 signing key, 32+ characters)',
    });
  }
}

export interface WebhookConfig {
  urls: string[];
  secret: string;
  events: WebhookEventType[];
  maxAttempts: number;
  backoff: { initialMs: number; maxMs: number };
  timeoutMs: number;
  pollIntervalMs: number;
  /** Events older than this when first consumed (a replay of the topic's history) are not delivered. */
  maxEventAgeMs: number;
}

export const WEBHOOK_CONFIG = Symbol('WEBHOOK_CONFIG');

/** The webhook settings, or null when no URL is configured (webhooks off). */
export function webhookConfig(env: WebhookEnvironment): WebhookConfig | null {
  if (env.DEADLINE_WEBHOOK_URLS.length === 0 || env.DEADLINE_WEBHOOK_SECRET === undefined) return null;
  return {
    urls: [...new Set(env.DEADLINE_WEBHOOK_URLS)],
    secret: env.DEADLINE_WEBHOOK_SECRET,
    events: webhookEventsFor(env.DEADLINE_WEBHOOK_EVENTS),
    maxAttempts: env.DEADLINE_WEBHOOK_MAX_ATTEMPTS,
    backoff: {
      initialMs: env.DEADLINE_WEBHOOK_INITIAL_BACKOFF_MS,
      maxMs: Math.max(env.DEADLINE_WEBHOOK_INITIAL_BACKOFF_MS, env.DEADLINE_WEBHOOK_MAX_BACKOFF_MS),
    },
    timeoutMs: env.DEADLINE_WEBHOOK_TIMEOUT_MS,
    pollIntervalMs: env.DEADLINE_WEBHOOK_POLL_MS,
    maxEventAgeMs: env.DEADLINE_WEBHOOK_MAX_EVENT_AGE_MS,
  };
}
