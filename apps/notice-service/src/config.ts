import { z } from 'zod';
import { loadConfig, platformEnvironment, portVariable, type ServiceConfig } from '@banjie/platform';
import type { StreamLimits } from './stream/stream-admission';

const KiB = 1_024;
const MiB = 1_024 * KiB;

const noticeEnvironment = platformEnvironment
  .extend({
    NOTICE_PORT: portVariable(3003),
    NOTICE_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(3),
    NOTICE_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    NOTICE_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    NOTICE_SSE_RETRY_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
    NOTICE_SSE_HEARTBEAT_MS: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
    NOTICE_SSE_MAX_STREAMS: z.coerce.number().int().min(1).max(100_000).default(200),
    NOTICE_SSE_MAX_STREAMS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(10),
    NOTICE_SSE_MAX_BUFFERED_BYTES: z.coerce
      .number()
      .int()
      .min(16 * KiB)
      .max(64 * MiB)
      .default(128 * KiB),
    NOTICE_SSE_REPLAY_MAX_EVENTS: z.coerce.number().int().min(0).max(10_000).default(500),
    NOTICE_SSE_REPLAY_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(KiB)
      .max(64 * MiB)
      .default(64 * KiB),
  })
  .superRefine((env, context) => {
    if (env.NOTICE_SSE_MAX_STREAMS_PER_CLIENT > env.NOTICE_SSE_MAX_STREAMS) {
      context.addIssue({
        code: 'custom',
        path: ['NOTICE_SSE_MAX_STREAMS_PER_CLIENT'],
        message: 'must not exceed NOTICE_SSE_MAX_STREAMS',
      });
    }
    // A replay (or a batch of changes) is written at once: bigger than the buffer bound, it would drop a client that reads.
    if (env.NOTICE_SSE_REPLAY_MAX_BYTES > env.NOTICE_SSE_MAX_BUFFERED_BYTES) {
      context.addIssue({
        code: 'custom',
        path: ['NOTICE_SSE_REPLAY_MAX_BYTES'],
        message: 'must not exceed NOTICE_SSE_MAX_BUFFERED_BYTES',
      });
    }
  });

export interface NoticeConfig extends ServiceConfig {
  /** A running clock with this many working days left (or fewer) shows YELLOW. */
  dueSoonWorkingDays: number;
  rateLimit: { limit: number; windowMs: number };
  stream: StreamConfig;
}

export interface StreamConfig extends StreamLimits {
  retryMs: number;
  heartbeatMs: number;
  /** A client with more than this waiting to be sent (it does not read) is disconnected. */
  maxBufferedBytes: number;
  /** A resume further behind than this many changes, or whose replay (or any one batch) is bigger than `replayMaxBytes`, gets `resync`. */
  replayMaxEvents: number;
  replayMaxBytes: number;
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
    stream: {
      retryMs: config.NOTICE_SSE_RETRY_MS,
      heartbeatMs: config.NOTICE_SSE_HEARTBEAT_MS,
      maxStreams: config.NOTICE_SSE_MAX_STREAMS,
      maxStreamsPerClient: config.NOTICE_SSE_MAX_STREAMS_PER_CLIENT,
      maxBufferedBytes: config.NOTICE_SSE_MAX_BUFFERED_BYTES,
      replayMaxEvents: config.NOTICE_SSE_REPLAY_MAX_EVENTS,
      replayMaxBytes: config.NOTICE_SSE_REPLAY_MAX_BYTES,
    },
  };
}
