import type { Logger } from '@nestjs/common';
import { listenForNotifications } from './notification-listener';

export interface NotifiedLoopOptions {
  /** Names the loop in its log lines. */
  name: string;
  databaseUrl: string;
  channel: string;
  /** How long to wait for a NOTIFY before draining anyway: a notification can be lost. */
  pollMs: number;
  /** How long to wait after the n-th failure in a row (1, 2, …); the poll interval unless given. */
  retryAfterMs?: (failures: number) => number;
  logger: Logger;
}

export interface NotifiedLoop {
  /** Lets the drain in progress finish, stops the loop and closes the listener. */
  stop(): Promise<void>;
}

/**
 * Runs `drain` now, then each time a NOTIFY arrives on the channel, or the poll interval passes
 * without one. Drains never overlap: a NOTIFY during a drain is answered by another drain right
 * after it. A failed drain is logged and tried again after `retryAfterMs`, or sooner when notified.
 */
export async function startNotifiedLoop(
  options: NotifiedLoopOptions,
  drain: () => Promise<unknown>,
): Promise<NotifiedLoop> {
  const { name, pollMs, retryAfterMs = () => pollMs, logger } = options;
  let wake: (() => void) | undefined;
  const listener = await listenForNotifications(options.databaseUrl, options.channel, () => wake?.(), logger);
  let running = true;
  const run = async (): Promise<void> => {
    let failures = 0;
    while (running) {
      const notified = new Promise<void>((resolve) => (wake = resolve));
      let waitMs = pollMs;
      try {
        await drain();
        failures = 0;
      } catch (error) {
        failures += 1;
        waitMs = retryAfterMs(failures);
        logger.warn(
          `${name} failed (attempt ${failures}), retrying in ${waitMs} ms: ${(error as Error).message}`,
        );
      }
      await notifiedOrAfter(notified, waitMs);
    }
  };
  const loop = run();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      await listener.close();
    },
  };
}

/** Resolves when notified or after `ms`, whichever comes first, leaving no timer behind. */
async function notifiedOrAfter(notified: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([notified, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
