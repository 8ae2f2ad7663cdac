import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  EscalationRaisedV1,
  EscalationWithdrawnV1,
  EscalationWithdrawnV2,
  ReminderSentV1,
  Topics,
  type EventEnvelope,
} from '@banjie/contracts';
import { EventConsumer, type EventHandler, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { WebhookDeliveries } from './webhook-deliveries.repository';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook.config';

export const WEBHOOK_CONSUMER = 'deadline.webhooks';

/**
 * Turns the service's own published escalations, their withdrawals (both versions) and reminders
 * into webhook deliveries, from the Kafka side of the outbox: the ledger's transaction never waits
 * for a receiver, and a delivery exists for every event that was committed. The inbox and the (event, URL) key make a redelivered
 * event add nothing. Events older than `DEADLINE_WEBHOOK_MAX_EVENT_AGE_MS` (a first subscription
 * reading the topic's history) are not sent.
 */
@Controller()
export class WebhookEventsConsumer {
  private readonly handlers: EventHandler[];

  constructor(
    private readonly events: EventConsumer,
    private readonly deliveries: WebhookDeliveries,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {
    const enqueue = async (envelope: EventEnvelope<string, unknown>, tx: Tx): Promise<void> => {
      if (Date.parse(envelope.occurredAt) < Date.now() - this.config.maxEventAgeMs) return;
      await this.deliveries.enqueue(tx, envelope);
    };
    this.handlers = [
      handle(EscalationRaisedV1, enqueue),
      handle(EscalationWithdrawnV1, enqueue),
      handle(EscalationWithdrawnV2, enqueue),
      handle(ReminderSentV1, enqueue),
    ].filter((handler) => config.events.some((type) => type === handler.definition.type));
  }

  @EventPattern(Topics.DEADLINE_ESCALATION)
  async onEscalation(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, WEBHOOK_CONSUMER, this.handlers);
  }

  @EventPattern(Topics.DEADLINE_REMINDER)
  async onReminder(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, WEBHOOK_CONSUMER, this.handlers);
  }
}
