import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PeriodicTask } from '@banjie/platform';
import { WebhookDeliveries, type ClaimedDelivery } from './webhook-deliveries.repository';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook.config';
import { retryDelayMs } from './webhook-retry';
import { sendWebhook } from './webhook-sender';

/** Deliveries attempted at once. */
const CONCURRENCY = 8;
/** A claimed delivery comes back to the queue this long after its request's timeout if its dispatcher died. */
const LEASE_MARGIN_MS = 60_000;

/**
 * Every `DEADLINE_WEBHOOK_POLL_MS`, sends the deliveries that are due, a few at a time, and moves
 * each on (delivered, retried later with backoff, or failed after the last attempt). Runs apart
 * from the ledger and the event consumer: a slow or failing receiver delays nothing else.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    private readonly deliveries: WebhookDeliveries,
  ) {
    this.task = new PeriodicTask('webhook dispatcher', config.pollIntervalMs, () => this.dispatchDue());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** Sends everything due now; returns how many attempts were made. */
  async dispatchDue(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const due = await this.deliveries.claimDue(CONCURRENCY, this.config.timeoutMs + LEASE_MARGIN_MS);
      await Promise.all(due.map((delivery) => this.attempt(delivery)));
      attempts += due.length;
      if (due.length < CONCURRENCY) return attempts;
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await sendWebhook(delivery, this.config.secret, this.config.timeoutMs);
    const retryAt = new Date(
      outcome.attemptedAt.getTime() +
        outcome.durationMs +
        retryDelayMs(delivery.attempt, this.config.backoff, outcome.retryAfterMs),
    );
    const status = await this.deliveries.record(delivery, { ...outcome, retryAt });
    if (status === 'failed') {
      this.logger.error(
        `webhook ${delivery.eventType} ${delivery.eventId} to ${delivery.url} failed for good after ${delivery.attempt} attempts: ${outcome.error}`,
      );
    } else if (status === 'pending') {
      this.logger.warn(
        `webhook ${delivery.eventType} ${delivery.eventId} to ${delivery.url}: attempt ${delivery.attempt} failed (${outcome.error}); retrying at ${retryAt.toISOString()}`,
      );
    }
  }
}
