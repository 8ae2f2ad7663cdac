import { z } from 'zod';
import { loadConfig, platformEnvironment, portVariable, type ServiceConfig } from '@banjie/platform';

const noticeEnvironment = platformEnvironment.extend({
  NOTICE_PORT: portVariable(3003),
  NOTICE_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  NOTICE_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  NOTICE_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  NOTICE_SSE_RETRY_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  NOTICE_SSE_HEARTBEAT_MS: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
});

export interface NoticeConfig extends ServiceConfig {
  /** A running clock with this many working days left (or fewer) shows YELLOW. */
  dueSoonWorkingDays: number;
  rateLimit: { limit: number; windowMs: number };
  stream: { retryMs: number; heartbeatMs: number };
}

export const NOTICE_CONFIG = Symbol('NOTICE_CONFIG');

export function noticeConfig(env: NodeJS.ProcessEnv = process.env): NoticeConfig {
  const config = loadConfig(noticeEnvironment, env);
  return {
    ...config,
    serviceName: 'notice-service',
    httpPort: config.NOTICE_PORT,
    databaseSchema: 'notice',
    dueSoonWorkingDays: config.NOTICE_DUE_SOON_WORKING_DAYS,
    rateLimit: { limit: config.NOTICE_RATE_LIMIT, windowMs: config.NOTICE_RATE_WINDOW_SECONDS * 1_000 },
    stream: { retryMs: config.NOTICE_SSE_RETRY_MS, heartbeatMs: config.NOTICE_SSE_HEARTBEAT_MS },
  };
}
