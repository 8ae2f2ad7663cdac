import { z } from 'zod';

export class ConfigError extends Error {}

/**
 * Validates the environment against a schema and fails fast with one line per bad variable,
 * naming it and the rule it breaks.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

const port = z.coerce.number().int().min(1).max(65535);

/** Variables every service shares; each app extends this with its own. */
export const platformEnvironment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((broker) => broker.trim()))
    .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'each broker must be host:port')).min(1)),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 signing key)'),
  JWT_ISSUER: z.string().default('banjie'),
  /** Overrides the service's Kafka consumer group (a new group reads its topics from the beginning). */
  KAFKA_CONSUMER_GROUP: z.string().min(1).max(200).optional(),
});

export const portVariable = (fallback: number) => port.default(fallback);
export type PlatformConfig = z.infer<typeof platformEnvironment>;
