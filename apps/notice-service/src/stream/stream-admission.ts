/** How many streams the service keeps open at once, in all and per client. */
export interface StreamLimits {
  maxStreams: number;
  maxStreamsPerClient: number;
}

/** The limit a refused stream would have broken. */
export type StreamRefusal = 'TOO_MANY_STREAMS' | 'TOO_MANY_STREAMS_FROM_CLIENT';

export type Admission = { admitted: true; release: () => void } | { admitted: false; refusal: StreamRefusal };

/**
 * Counts open streams, in all and per client, and admits a new one only within both limits.
 * Each admission is released once (its `release` may be called again: it counts once).
 */
export class StreamAdmission {
  private total = 0;
  private readonly perClient = new Map<string, number>();

  constructor(private readonly limits: StreamLimits) {}

  get open(): number {
    return this.total;
  }

  admit(client: string): Admission {
    const ofClient = this.perClient.get(client) ?? 0;
    if (ofClient >= this.limits.maxStreamsPerClient)
      return { admitted: false, refusal: 'TOO_MANY_STREAMS_FROM_CLIENT' };
    if (this.total >= this.limits.maxStreams) return { admitted: false, refusal: 'TOO_MANY_STREAMS' };
    this.total += 1;
    this.perClient.set(client, ofClient + 1);
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.total -= 1;
        const left = this.perClient.get(client)! - 1;
        if (left === 0) this.perClient.delete(client);
        else this.perClient.set(client, left);
      },
    };
  }
}
