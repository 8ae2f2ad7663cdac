import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Applicability, DEPARTMENT_CODES, PROCEDURE_CODES } from '@banjie/contracts';

export class PlanItemDto {
  @ApiProperty({ enum: PROCEDURE_CODES })
  procedure!: string;

  @ApiProperty({ enum: Applicability })
  applicability!: string;

  @ApiProperty({ enum: DEPARTMENT_CODES })
  department!: string;

  @ApiPropertyOptional({ example: '甘发改能源〔2022〕38号' })
  documentNumber?: string;

  @ApiPropertyOptional({ example: 20 })
  timeLimitWorkingDays?: number;

  @ApiPropertyOptional({
    example: 10,
    description:
      'REQUIRED only, when the plan overrides the catalogue: the acceptance window in working days',
  })
  acceptanceWorkingDays?: number;

  @ApiPropertyOptional({ example: '2023-03-31', description: 'the first target of the procedure' })
  baselineDate?: string;

  @ApiPropertyOptional({ example: '2023-04-30' })
  targetDate?: string;
}

/** One version of a project's procedure plan; who and why only for those who read people data. */
export class PlanVersionDto {
  @ApiProperty({ example: 'BJ-2023-0001' })
  projectCode!: string;

  @ApiProperty({ example: 2 })
  planVersion!: number;

  @ApiProperty({ example: '2023-02-01' })
  effectiveDate!: string;

  @ApiProperty({ type: [PlanItemDto] })
  items!: PlanItemDto[];

  @ApiPropertyOptional({ example: 'admin:admin-1' })
  actor?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '环评延后' })
  reason?: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: Date;
}
