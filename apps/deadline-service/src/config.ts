import { z } from 'zod';
import { loadConfig, platformEnvironment, portVariable, type ServiceConfig } from '@banjie/platform';

const deadlineEnvironment = platformEnvironment.extend({
  DEADLINE_PORT: portVariable(3004),
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port').default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('banjie-deadlines'),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
  START_WATCH_GRACE_MS: z.coerce.number().int().min(0).default(10 * 60_000),
});

export interface DeadlineConfig extends ServiceConfig {
  /** How long past a planned start the watch waits for late-arriving lifecycle news before escalating. */
  startWatchGraceMs: number;
  temporal: { address: string; namespace: string; taskQueue: string; shutdownGraceMs: number };
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
    },
  };
}
