import { isIP } from 'node:net';
import { z } from 'zod';
import { LOCAL_DEVELOPMENT_JWT_SECRET } from '../auth/local-signing-key';
import { DEFAULT_TOKEN_LIFETIME_LIMITS } from '../auth/token-lifetime';

export class ConfigError extends Error {}

/**
 * Validates the environment against a schema and fails fast with one line per bad variable,
 * naming it and the rule it breaks. The repository's local signing key is refused unless the
 * launcher's development mode (BANJIE_DEV_MODE=1) says so: anyone can sign an admin token with it.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  if (env.JWT_SECRET === LOCAL_DEVELOPMENT_JWT_SECRET && env.BANJIE_DEV_MODE !== '1') {
    lines.push(
      '  JWT_SECRET: is the local development key published in the repository; set a key of your own (32+ random characters), or BANJIE_DEV_MODE=1 on a development machine',
    );
  }
  if (parsed.success && lines.length === 0) return parsed.data;
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

const port = z.coerce.number().int().min(1).max(65535);

/** RFC 1123 labels; a name whose last label is all digits is a mistyped IPv4 address, not a host. */
const HOST_NAME = /^(?=.{1,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?\.)*[a-z\d]([a-z\d-]{0,61}[a-z\d])?$/i;
const isHostName = (value: string) => HOST_NAME.test(value) && !/(^|\.)\d+$/.test(value);

/** Where a service listens: an IPv4 or IPv6 address (`isIP`: 999.1.1.1 is none) or a host name. */
const listenAddress = z
  .string()
  .refine(
    (value) => isIP(value) !== 0 || isHostName(value),
    'must be an IPv4 or IPv6 address or a host name (e.g. 127.0.0.1, 0.0.0.0, ::, localhost)',
  );

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
  /** Tokens must carry `iat` and `exp`; a token living longer than this (exp - iat) is refused. */
  JWT_MAX_LIFETIME_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(31 * 24 * 3600)
    .default(DEFAULT_TOKEN_LIFETIME_LIMITS.maxLifetimeSeconds),
  /** How far the issuer's clock may run ahead of or behind the service's (for `iat` and `exp`). */
  JWT_CLOCK_SKEW_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600)
    .default(DEFAULT_TOKEN_LIFETIME_LIMITS.clockSkewSeconds),
  /** `1` only on a development machine: allows the repository's local signing key (see loadConfig). */
  BANJIE_DEV_MODE: z.enum(['0', '1'], { error: "must be '1' (development machine) or '0'" }).optional(),
  /** The address the HTTP server listens on: loopback unless told (`0.0.0.0` in containers). */
  HTTP_HOST: listenAddress.default('127.0.0.1'),
  /** Overrides the service's Kafka consumer group (a new group reads its topics from the beginning). */
  KAFKA_CONSUMER_GROUP: z.string().min(1).max(200).optional(),
});

export const portVariable = (fallback: number) => port.default(fallback);

/** A comma-separated variable as its trimmed, non-empty parts (`fallback` when unset). */
export const commaSeparatedList = (fallback = '') =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    );
export type PlatformConfig = z.infer<typeof platformEnvironment>;
