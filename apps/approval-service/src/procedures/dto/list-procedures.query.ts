import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import {
  DEPARTMENT_CODES,
  PROCEDURE_STATUSES,
  type DepartmentCode,
  type ProcedureStatus,
} from '@banjie/contracts';
import { IsLocalDate, PageQuery } from '@banjie/platform';

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2023-03-28',
    description: 'derive the clock as of this day (default today, Asia/Shanghai)',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

/** A project's procedures: as of a day, paged like every list. */
export class ProjectProceduresQuery extends IntersectionType(AsOfQuery, PageQuery) {}

/** `GET /procedures`: the list's filters, as of a day, paged like every list. */
export class ListProceduresQuery extends ProjectProceduresQuery {
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
}
