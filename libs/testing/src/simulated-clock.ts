import type { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * Maps the time-skipping server's clock onto a simulated date (e.g. March 2023): the activities of
 * a test read "now" from here, so skipped time moves the simulated calendar too.
 */
export class SimulatedClock {
  private constructor(
    private readonly env: TestWorkflowEnvironment,
    private readonly startMs: number,
    private readonly envStartMs: number,
  ) {}

  static async startingAt(env: TestWorkflowEnvironment, instant: string): Promise<SimulatedClock> {
    return new SimulatedClock(env, Date.parse(instant), await env.currentTimeMs());
  }

  async nowMs(): Promise<number> {
    return this.startMs + ((await this.env.currentTimeMs()) - this.envStartMs);
  }

  async nowIso(): Promise<string> {
    return new Date(await this.nowMs()).toISOString();
  }

  /** Skips time until the simulated instant. */
  async sleepUntil(instant: string): Promise<void> {
    const ms = Date.parse(instant) - (await this.nowMs());
    if (ms > 0) await this.env.sleep(ms);
  }
}
