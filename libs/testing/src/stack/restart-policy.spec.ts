import { RestartBackoff } from './restart-policy';

describe('RestartBackoff', () => {
  const policy = { initialDelayMs: 1_000, maxDelayMs: 8_000, stableAfterMs: 60_000 };

  it('doubles the wait while the service keeps dying soon after each start, never beyond the maximum', () => {
    const backoff = new RestartBackoff(policy);
    expect(Array.from({ length: 6 }, () => backoff.next(500))).toEqual([
      { delayMs: 1_000, attempt: 1 },
      { delayMs: 2_000, attempt: 2 },
      { delayMs: 4_000, attempt: 3 },
      { delayMs: 8_000, attempt: 4 },
      { delayMs: 8_000, attempt: 5 },
      { delayMs: 8_000, attempt: 6 },
    ]);
  });

  it('starts over after a life long enough to count as recovered', () => {
    const backoff = new RestartBackoff(policy);
    backoff.next(500);
    backoff.next(500);
    expect(backoff.next(60_000)).toEqual({ delayMs: 1_000, attempt: 1 });
  });

  it('keeps a bounded wait after a thousand deaths (no overflow to Infinity)', () => {
    const backoff = new RestartBackoff(policy);
    for (let death = 0; death < 1_000; death += 1) backoff.next(0);
    expect(backoff.next(0).delayMs).toBe(8_000);
  });
});
