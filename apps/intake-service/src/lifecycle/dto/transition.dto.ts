import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '@banjie/platform';
import { LIFECYCLE_STATES, type LifecycleState } from '@banjie/contracts';

export class TransitionDto {
  @ApiProperty({ enum: LIFECYCLE_STATES })
  @IsIn(LIFECYCLE_STATES)
  to!: LifecycleState;

  @ApiPropertyOptional({ example: '项目复工' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    example: '2023-03-01',
    description:
      'the day it happened (default today, Asia/Shanghai); never in the future, never before the previous transition',
  })
  @IsOptional()
  @IsLocalDate()
  effectiveDate?: string;
}
