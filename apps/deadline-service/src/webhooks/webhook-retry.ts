/**
 * When to try a failed delivery again: exponential backoff (initial × 2^(attempt−1)) with ±20 %
 * jitter so that many deliveries failing together do not come back together, capped at `maxMs`.
 * A receiver's `Retry-After` (seconds or an HTTP date) is honoured when it asks for longer, within the cap.
 */
export function retryDelayMs(
  attempt: number,
  backoff: { initialMs: number; maxMs: number },
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const exponential = backoff.initialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.min(backoff.maxMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** A `Retry-After` header in milliseconds from now, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
