import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IndustryCluster, LIFECYCLE_STATES, ProjectType } from '@banjie/contracts';

export class HelperContactDto {
  @ApiProperty({ example: '赵敏' })
  name!: string;

  @ApiPropertyOptional({ example: '13900000001' })
  phone?: string;

  @ApiPropertyOptional({ example: 'helper-zhao', description: 'their login (token subject)' })
  userId?: string;
}

/**
 * A project as the intake API answers it. The people data (owner enterprise, helpers, leading
 * official, version) only for admin, dispatch and the project's own helpers (README "Who sees
 * helpers' contacts").
 */
export class ProjectDto {
  @ApiProperty({
    example: 'BJ-2023-0001',
    description: 'for life: the year it entered the list, then a number',
  })
  code!: string;

  @ApiProperty({ example: '玉门抽水蓄能电站' })
  name!: string;

  @ApiProperty({ enum: ProjectType })
  type!: ProjectType;

  @ApiProperty({ enum: IndustryCluster })
  cluster!: IndustryCluster;

  @ApiProperty({ example: '新能源' })
  chain!: string;

  @ApiProperty({ example: '玉门老市区南部山区' })
  location!: string;

  @ApiProperty({ example: '玉门市发展和改革局' })
  responsibleUnit!: string;

  @ApiProperty({ example: '102', description: '亿元, an exact decimal' })
  totalInvestment!: string;

  @ApiProperty({ example: '2023-03-16' })
  plannedStart!: string;

  @ApiProperty({ enum: LIFECYCLE_STATES })
  state!: string;

  @ApiProperty({ example: '2023-01-17', description: 'the day it entered the list (Asia/Shanghai)' })
  listedOn!: string;

  @ApiProperty({ example: 3, description: 'the public revision (the version)' })
  revision!: number;

  @ApiPropertyOptional({ example: 'ENT-YM-001' })
  ownerEnterpriseId?: string;

  @ApiPropertyOptional({ example: '甘肃玉门抽水蓄能有限公司' })
  ownerEnterpriseName?: string;

  @ApiPropertyOptional({ type: [HelperContactDto] })
  helpers?: HelperContactDto[];

  @ApiPropertyOptional({ example: '陈市长' })
  leadingOfficial?: string;

  @ApiPropertyOptional({ example: 3, description: 'the version to name in If-Match / expectedVersion' })
  version?: number;

  @ApiProperty({ type: String, format: 'date-time' })
  registeredAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

/** One change in a project's history. Who and why only for those who read people data. */
export class ProjectChangeDto {
  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ enum: ['REGISTERED', 'UPDATED', 'TRANSITIONED', 'PLAN_CHANGED'] })
  kind!: string;

  @ApiPropertyOptional({ example: 'admin:admin-1' })
  actor?: string;

  @ApiProperty({ example: 'admin' })
  actorRole!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '投资额调整' })
  reason?: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { totalInvestment: { from: '263.0000', to: '270' } },
    description: 'what changed: each field from → to (for everyone else, public fields only)',
  })
  changes!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  changedAt!: Date;
}
