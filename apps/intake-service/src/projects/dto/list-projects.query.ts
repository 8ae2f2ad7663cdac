import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IndustryCluster, LIFECYCLE_STATES, ProjectType, type LifecycleState } from '@banjie/contracts';

export class ListProjectsQuery {
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

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
