import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  DEPARTMENT_CODES,
  PROCEDURE_STATUSES,
  type DepartmentCode,
  type ProcedureStatus,
} from '@banjie/contracts';
import { IsLocalDate } from '@banjie/platform';

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2023-03-28',
    description: 'derive the clock as of this day (default today, Asia/Shanghai)',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class ListProceduresQuery extends AsOfQuery {
  @ApiPropertyOptional({
    example: 'ACCEPTED,SUPPLEMENT_REQUESTED',
    description: 'one status or several, comma-separated',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @IsArray()
  @ArrayMaxSize(9)
  @IsIn(PROCEDURE_STATUSES, { each: true, message: `status must be among ${PROCEDURE_STATUSES.join(', ')}` })
  status?: ProcedureStatus[];

  @ApiPropertyOptional({ example: 'BJ-2023-0001' })
  @IsOptional()
  @Matches(/^BJ-\d{4}-\d{4,}$/, { message: 'project must look like BJ-2023-0001' })
  project?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_CODES })
  @IsOptional()
  @IsIn(DEPARTMENT_CODES)
  department?: DepartmentCode;

  @ApiPropertyOptional({
    example: '2023-03-31',
    description: 'only procedures whose running clock falls due on or before this day',
  })
  @IsOptional()
  @IsLocalDate()
  dueBefore?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 200, maximum: 2000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  pageSize?: number;
}
