import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIFECYCLE_STATES } from '@banjie/contracts';

/** One move of a project along its lifecycle; who and why only for those who read people data. */
export class LifecycleMoveDto {
  @ApiProperty({ enum: LIFECYCLE_STATES })
  from!: string;

  @ApiProperty({ enum: LIFECYCLE_STATES })
  to!: string;

  @ApiProperty({ example: '2023-02-09' })
  effectiveDate!: string;

  @ApiPropertyOptional({ example: 'dispatch:dispatch-1' })
  actor?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '签约项目转入前期工作' })
  reason?: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: Date;
}
