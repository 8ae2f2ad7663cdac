import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_ACCEPTANCE_WORKING_DAYS } from '@banjie/domain';
import { IsLocalDate, IsOneLine } from '@banjie/platform';
import {
  Applicability,
  DEPARTMENT_CODES,
  PROCEDURE_CODES,
  type DepartmentCode,
  type ProcedureCode,
} from '@banjie/contracts';

export class PlanItemDto {
  @ApiProperty({ enum: PROCEDURE_CODES })
  @IsIn(PROCEDURE_CODES)
  procedure!: ProcedureCode;

  @ApiProperty({ enum: Object.values(Applicability) })
  @IsIn(Object.values(Applicability))
  applicability!: Applicability;

  @ApiPropertyOptional({
    enum: DEPARTMENT_CODES,
    description: 'REQUIRED only; default: the catalogue department',
  })
  @IsOptional()
  @IsIn(DEPARTMENT_CODES)
  department?: DepartmentCode;

  @ApiPropertyOptional({ example: '玉环审〔2022〕15号', description: 'ALREADY_HELD only, and then required' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsOneLine()
  documentNumber?: string;

  @ApiPropertyOptional({ example: 15, description: 'REQUIRED only; default: the catalogue limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  timeLimitWorkingDays?: number;

  @ApiPropertyOptional({
    example: 10,
    minimum: 1,
    maximum: MAX_ACCEPTANCE_WORKING_DAYS,
    description: `REQUIRED only: the acceptance window (受理时限) in working days, a whole number from 1 to ${MAX_ACCEPTANCE_WORKING_DAYS}; default: the catalogue's`,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  acceptanceWorkingDays?: number;

  @ApiPropertyOptional({ example: '2023-03-31', description: 'REQUIRED only: the target date' })
  @IsOptional()
  @IsLocalDate()
  targetDate?: string;
}

export class PutPlanDto {
  @ApiProperty({ type: [PlanItemDto], description: 'one item for each of the 11 procedures' })
  @IsArray()
  @ArrayMinSize(11)
  @ArrayMaxSize(11)
  @ValidateNested({ each: true })
  @Type(() => PlanItemDto)
  items!: PlanItemDto[];

  @ApiPropertyOptional({ example: '前期手续计划' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    example: '2023-01-10',
    description: 'the day the plan took effect (default today, Asia/Shanghai)',
  })
  @IsOptional()
  @IsLocalDate()
  effectiveDate?: string;
}
