import { ApiProperty } from '@nestjs/swagger';

export class CompletionTallyDto {
  @ApiProperty({ description: 'procedures that count (not NOT_APPLICABLE nor ALREADY_HELD)', example: 658 })
  applicable!: number;

  @ApiProperty({ description: 'of those, approved (办结)', example: 402 })
  completed!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.611, description: 'completed ÷ applicable' })
  rate!: number | null;
}

class ProjectCountDto {
  @ApiProperty({ example: 127 })
  total!: number;
}

class ResumeRateDto {
  @ApiProperty({ example: 46 })
  total!: number;

  @ApiProperty({ example: 38 })
  resumed!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.826 })
  rate!: number | null;
}

class StartRateDto {
  @ApiProperty({ example: 81 })
  total!: number;

  @ApiProperty({ example: 28 })
  started!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.346 })
  rate!: number | null;
}

class ProjectRatesDto {
  @ApiProperty({ type: ProjectCountDto })
  projects!: ProjectCountDto;

  @ApiProperty({ type: ResumeRateDto, description: '复工率 of continuing projects' })
  continuing!: ResumeRateDto;

  @ApiProperty({ type: StartRateDto, description: '开工率 of new projects' })
  new!: StartRateDto;

  @ApiProperty({ type: CompletionTallyDto, description: '办结率' })
  procedures!: CompletionTallyDto;
}

export class ClusterRatesDto extends ProjectRatesDto {
  @ApiProperty({ example: 'NEW_ENERGY_EQUIPMENT' })
  cluster!: string;
}

export class ChainRatesDto extends ProjectRatesDto {
  @ApiProperty({ example: '新能源' })
  chain!: string;
}

export class DepartmentTallyDto {
  @ApiProperty({ example: 'EEB' })
  department!: string;

  @ApiProperty({ type: CompletionTallyDto })
  procedures!: CompletionTallyDto;
}

/** The portfolio's totals and rates as of a day, overall and by cluster, chain and department. */
export class PortfolioSummaryDto extends ProjectRatesDto {
  @ApiProperty({ example: '2023-03-28' })
  asOf!: string;

  @ApiProperty({ type: [ClusterRatesDto] })
  byCluster!: ClusterRatesDto[];

  @ApiProperty({ type: [ChainRatesDto] })
  byChain!: ChainRatesDto[];

  @ApiProperty({ type: [DepartmentTallyDto] })
  byDepartment!: DepartmentTallyDto[];
}
