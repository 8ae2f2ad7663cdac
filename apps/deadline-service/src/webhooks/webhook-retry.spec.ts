import { parseRetryAfter, retryDelayMs } from './webhook-retry';

const backoff = { initialMs: 1_000, maxMs: 60_000 };

describe('webhook retries', () => {
  it('doubles the delay per attempt around ±20 % jitter, up to the cap', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelayMs(attempt, backoff, null, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(retryDelayMs(3, backoff, null, () => 0)).toBe(3_200);
    expect(retryDelayMs(3, backoff, null, () => 0.999_999)).toBe(4_800);
    expect(retryDelayMs(1_000, backoff, null, middle)).toBe(60_000);
  });

  it("honours a receiver's Retry-After when it asks for longer, within the cap", () => {
    expect(retryDelayMs(1, backoff, 30_000, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(5, backoff, 2_000, () => 0.5)).toBe(16_000);
    expect(retryDelayMs(1, backoff, 3_600_000, () => 0.5)).toBe(60_000);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2023-03-16T01:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 16 Mar 2023 01:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 16 Mar 2023 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
