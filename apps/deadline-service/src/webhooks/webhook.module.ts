import { Module, type DynamicModule } from '@nestjs/common';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveries } from './webhook-deliveries.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEventsConsumer } from './webhook-events.consumer';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook.config';

/** Signed outgoing webhooks for escalations and reminders; registered only when DEADLINE_WEBHOOK_URLS is set. */
@Module({})
export class WebhookModule {
  static forConfig(config: WebhookConfig): DynamicModule {
    return {
      module: WebhookModule,
      controllers: [WebhookEventsConsumer, WebhookDeliveriesController],
      providers: [{ provide: WEBHOOK_CONFIG, useValue: config }, WebhookDeliveries, WebhookDispatcher],
      exports: [WebhookDeliveries, WebhookDispatcher],
    };
  }
}
