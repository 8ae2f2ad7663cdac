/**
 * SQLSTATE classes and codes that say "the database could not do it now", not "this can never
 * work": connection loss (08), shutdown or cancellation by the server (57), lack of resources
 * (53), serialization failure and deadlock (40001, 40P01).
 */
const TRANSIENT_SQLSTATE = /^(08|53|57)|^40001$|^40P01$/;

/** Node socket errors seen when PostgreSQL or Kafka is unreachable or restarting. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const TRANSIENT_MESSAGES = [
  /Connection terminated/i,
  /connection.*(closed|ended)/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
];

/**
 * Is this failure the infrastructure's, so that retrying later will work? Such failures must
 * block and retry rather than dead-letter a perfectly good event.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const { code, driverError, cause } = current as Error & {
      code?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NETWORK_CODES.has(code)))
      return true;
    if (TRANSIENT_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : '')))
      return true;
    current = driverError ?? cause;
  }
  return false;
}
