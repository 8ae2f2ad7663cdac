import { ApiProperty } from '@nestjs/swagger';

class DeliveryAttemptDto {
  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty({ example: 84 })
  durationMs!: number;

  @ApiProperty({ type: Number, nullable: true, example: 503 })
  statusCode!: number | null;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;
}

/** One webhook delivery (an event to a URL) with every attempt. */
export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'the X-Banjie-Event-Id receivers saw' })
  eventId!: string;

  @ApiProperty({ example: 'DeadlineEscalated' })
  eventType!: string;

  @ApiProperty({ example: 'https://ops.example/hooks/banjie' })
  url!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status!: string;

  @ApiProperty({ example: 2 })
  attempts!: number;

  @ApiProperty({ example: 8 })
  maxAttempts!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  lastStatusCode!: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ type: [DeliveryAttemptDto] })
  log!: DeliveryAttemptDto[];
}
