import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  DEPARTMENT_CODES,
  IndustryCluster,
  PUBLIC_BOARD_FLAGS,
  type DepartmentCode,
  type PublicBoardFlag,
} from '@banjie/contracts';
import { IsLocalDate } from '@banjie/platform';

/** Which cards a display shows. */
export class BoardFilterQuery {
  @ApiPropertyOptional({ enum: IndustryCluster })
  @IsOptional()
  @IsIn(Object.values(IndustryCluster))
  cluster?: IndustryCluster;

  @ApiPropertyOptional({ example: '新能源' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  chain?: string;

  @ApiPropertyOptional({
    enum: DEPARTMENT_CODES,
    description:
      "projects with a procedure of this department; the header counts only that department's procedures",
  })
  @IsOptional()
  @IsIn(DEPARTMENT_CODES)
  department?: DepartmentCode;

  @ApiPropertyOptional({
    enum: PUBLIC_BOARD_FLAGS,
    description: 'projects with at least one procedure showing this flag',
  })
  @IsOptional()
  @IsIn(PUBLIC_BOARD_FLAGS)
  flag?: PublicBoardFlag;
}

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2023-03-28',
    description: 'the board as it stood on that day (Asia/Shanghai), from the event history; default today',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class BoardQuery extends IntersectionType(BoardFilterQuery, AsOfQuery) {}

export class StreamQuery extends BoardFilterQuery {
  @ApiPropertyOptional({
    description:
      "resume after this change id (the board's lastChangeId); the Last-Event-ID header wins over it",
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'since must be a change id (a whole number)' })
  since?: string;
}

export class ProjectCodeParam {
  @Matches(/^BJ-\d{4}-\d{4,}$/, { message: 'code must look like BJ-2023-0001' })
  code!: string;
}
