import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IndustryCluster, LIFECYCLE_STATES, ProjectType, type LifecycleState } from '@banjie/contracts';
import { PageQuery } from '@banjie/platform';

/** `GET /projects`: the list's filters, paged like every list. */
export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ProjectType })
  @IsOptional()
  @IsIn(Object.values(ProjectType))
  type?: ProjectType;

  @ApiPropertyOptional({ enum: LIFECYCLE_STATES })
  @IsOptional()
  @IsIn(LIFECYCLE_STATES)
  state?: LifecycleState;

  @ApiPropertyOptional({ enum: IndustryCluster })
  @IsOptional()
  @IsIn(Object.values(IndustryCluster))
  cluster?: IndustryCluster;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  chain?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  responsibleUnit?: string;

  @ApiPropertyOptional({ description: 'text search in name and code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
