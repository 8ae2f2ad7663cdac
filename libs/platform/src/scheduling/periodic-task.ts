import { Logger } from '@nestjs/common';

/**
 * Runs `work` now and then every `intervalMs`, never two runs at once; `stop()` waits for the run
 * in progress. Failures are logged and the next tick tries again.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger = new Logger(name),
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.work()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`${this.name} failed: ${(error as Error).message}`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
