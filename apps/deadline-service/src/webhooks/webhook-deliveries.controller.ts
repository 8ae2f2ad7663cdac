import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Roles } from '@banjie/platform';
import { WebhookDeliveries, type DeliveryStatus } from './webhook-deliveries.repository';

const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed'];

export class DeliveryQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'the event id (the X-Banjie-Event-Id header receivers saw)' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be an event id (UUID)' })
  eventId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 500' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500' })
  @Max(500, { message: 'limit must be a whole number from 1 to 500' })
  limit?: number;
}

export class DeliveryIdParam {
  @IsUUID('all', { message: 'id must be a webhook delivery id (UUID)' })
  id!: string;
}

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  /** The delivery log: newest first, each with every attempt (when, how long, the receiver's status or the error). */
  @Get()
  @Roles('admin')
  list(@Query() query: DeliveryQuery) {
    return this.deliveries.list({ ...query, limit: query.limit ?? 100 });
  }

  /** Another full round of attempts for a delivery that failed for good (e.g. after the receiver was fixed). */
  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  retry(@Param() { id }: DeliveryIdParam) {
    return this.deliveries.retry(id);
  }
}
