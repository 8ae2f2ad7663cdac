import { ApiProperty } from '@nestjs/swagger';

const OBJECT = { type: 'object', additionalProperties: true } as const;

class CheckpointDto {
  @ApiProperty({ example: '2023-03-10' })
  asOf!: string;

  @ApiProperty({ type: Number, nullable: true, example: 0.52 })
  actualRate!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.58 })
  forecastRate!: number | null;

  @ApiProperty()
  escalated!: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null when computed after the fact',
  })
  recordedAt!: string | null;

  @ApiProperty()
  computedAfterTheFact!: boolean;
}

class QuarterResultDto {
  @ApiProperty({ type: Boolean, nullable: true })
  met!: boolean | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.61 })
  rate!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  concludedAt!: string | null;

  @ApiProperty()
  computedAfterTheFact!: boolean;
}

/** The quarter's completion rate against the target: actual, forecast, checkpoints and the result. */
export class QuarterTargetDto {
  @ApiProperty({ example: '2023-Q1' })
  quarter!: string;

  @ApiProperty({ example: 0.6 })
  target!: number;

  @ApiProperty({ example: '2023-03-10' })
  asOf!: string;

  @ApiProperty({
    description: 'the quarter has ended: what was not recorded in time is computed from history',
  })
  computedAfterTheFact!: boolean;

  @ApiProperty({ ...OBJECT, description: 'the actual completion tally and rate as of the day' })
  actual!: Record<string, unknown>;

  @ApiProperty({ ...OBJECT, nullable: true, description: "the end of quarter's forecast from the pace" })
  forecast!: Record<string, unknown> | null;

  @ApiProperty({ type: 'array', items: OBJECT })
  byDepartment!: Record<string, unknown>[];

  @ApiProperty({ example: 12, description: 'completions still needed to reach the target' })
  completionsNeeded!: number;

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description: 'the procedures most likely to change the result',
  })
  atRisk!: Record<string, unknown>[];

  @ApiProperty({ type: [CheckpointDto] })
  checkpoints!: CheckpointDto[];

  @ApiProperty({ type: QuarterResultDto, nullable: true })
  result!: QuarterResultDto | null;
}
