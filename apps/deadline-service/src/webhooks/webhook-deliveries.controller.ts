import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ApiErrorResponses, ApiPageResponse, PageQuery, Roles } from '@banjie/platform';
import { WebhookDeliveryDto } from './dto/webhook-delivery.response';
import { WebhookDeliveries, type DeliveryStatus } from './webhook-deliveries.repository';

const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** `GET /webhooks/deliveries`: the log's filters, paged like every list. */
export class DeliveryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'the event id (the X-Banjie-Event-Id header receivers saw)' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be an event id (UUID)' })
  eventId?: string;
}

export class DeliveryIdParam {
  @IsUUID('all', { message: 'id must be a webhook delivery id (UUID)' })
  id!: string;
}

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('webhooks/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  /** The delivery log: newest first, each with every attempt (when, how long, the receiver's status or the error). */
  @Get()
  @ApiPageResponse(WebhookDeliveryDto, 'the delivery log, newest first')
  @ApiErrorResponses(400, 403)
  @Roles('admin')
  list(@Query() { status, eventId, ...page }: DeliveryQuery) {
    return this.deliveries.list({ status, eventId }, page);
  }

  /** Another full round of attempts for a delivery that failed for good (e.g. after the receiver was fixed). */
  @Post(':id/retry')
  @ApiOkResponse({ type: WebhookDeliveryDto, description: 'pending again, with another round of attempts' })
  @ApiErrorResponses(400, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  retry(@Param() { id }: DeliveryIdParam) {
    return this.deliveries.retry(id);
  }
}
