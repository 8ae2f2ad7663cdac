import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LIFECYCLE_STATES, type LifecycleState } from '@banjie/contracts';

export class TransitionDto {
  @ApiProperty({ enum: LIFECYCLE_STATES })
  @IsIn(LIFECYCLE_STATES)
  to!: LifecycleState;

  @ApiPropertyOptional({ example: '项目复工' })
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ example: '2023-03-01', description: 'the day it happened (default today, Asia/Shanghai); never in the future, never before the previous transition' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate?: string;
}
