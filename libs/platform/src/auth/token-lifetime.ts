/** How long a token may live and how far apart the issuer's and the service's clocks may be. */
export interface TokenLifetimeLimits {
  maxLifetimeSeconds: number;
  clockSkewSeconds: number;
}

/** 12 hours: a working day and its overtime; one minute of clock skew. */
export const DEFAULT_TOKEN_LIFETIME_LIMITS: TokenLifetimeLimits = {
  maxLifetimeSeconds: 12 * 3600,
  clockSkewSeconds: 60,
};

/**
 * Why a token's times are not acceptable, or undefined. The signature and `exp` against the clock
 * are checked by the JWT library; this adds what it lets through: a token must say when it was
 * issued and when it expires, may not be issued in the future, and may not live longer than the
 * maximum (a leaked 100-year token is a permanent key).
 */
export function tokenTimeProblem(
  claims: { iat?: unknown; exp?: unknown },
  nowSeconds: number,
  limits: TokenLifetimeLimits,
): string | undefined {
  if (typeof claims.exp !== 'number') return 'exp (expiry time) is required';
  if (typeof claims.iat !== 'number') return 'iat (issue time) is required';
  if (claims.iat > nowSeconds + limits.clockSkewSeconds) {
    return `iat is ${claims.iat - nowSeconds} s in the future (clock skew tolerated: ${limits.clockSkewSeconds} s)`;
  }
  const lifetime = claims.exp - claims.iat;
  if (lifetime > limits.maxLifetimeSeconds)
    return `lifetime exp - iat of ${lifetime} s is over the maximum of ${limits.maxLifetimeSeconds} s`;
  return undefined;
}
