// When the launcher starts a service again after it died (service-supervisor.ts).

export interface RestartPolicy {
  /** The wait before the first restart. */
  initialDelayMs: number;
  /** The wait never grows beyond this, however often the service dies. */
  maxDelayMs: number;
  /** A life at least this long was healthy: the next death waits the initial delay again. */
  stableAfterMs: number;
}

/** 1 s, 2 s, 4 s … at most 1 min; two minutes up counts as recovered. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
  stableAfterMs: 120_000,
};

/** The back-off of one service: doubling while it keeps dying soon after each start, bounded by the maximum. */
export class RestartBackoff {
  private quickDeaths = 0;

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  /** The wait before the next start, given how long the life that just ended lasted; `attempt` counts quick deaths in a row. */
  next(lifeMs: number): { delayMs: number; attempt: number } {
    if (lifeMs >= this.policy.stableAfterMs) this.quickDeaths = 0;
    const delayMs = Math.min(this.policy.initialDelayMs * 2 ** this.quickDeaths, this.policy.maxDelayMs);
    this.quickDeaths += 1;
    return { delayMs, attempt: this.quickDeaths };
  }
}
