import { ApiProperty } from '@nestjs/swagger';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** The current application's clock as its workflow sees it today. */
export class ClockDto {
  @ApiProperty({ example: 'BJ-2023-0001-EIA' })
  procedureId!: string;

  @ApiProperty({ example: 1 })
  applicationNumber!: number;

  @ApiProperty({ example: 'RUNNING', description: 'the workflow state of the clock' })
  state!: string;

  @ApiProperty({ example: '2023-03-28' })
  asOf!: string;

  @ApiProperty({ type: String, nullable: true, example: '2023-03-01' })
  dueDate!: string | null;

  @ApiProperty({ description: 'the due date rests on a provisional calendar year (暂定)' })
  provisional!: boolean;

  @ApiProperty({ example: 7 })
  calendarVersion!: number;

  @ApiProperty({ type: Number, nullable: true, example: 5 })
  remainingWorkingDays!: number | null;

  @ApiProperty({ ...OBJECT, nullable: true, description: 'the next rung of the ladder and when it fires' })
  nextRung!: Record<string, unknown> | null;

  @ApiProperty({ type: [String], description: 'the rungs sent' })
  rungsSent!: string[];

  @ApiProperty({ type: [String], description: 'the rungs passed without sending' })
  rungsSkipped!: string[];

  @ApiProperty({ type: String, nullable: true })
  unavailableReason!: string | null;

  @ApiProperty({ type: 'array', items: OBJECT, description: 'every due date a calendar change moved' })
  dueDateChanges!: Record<string, unknown>[];
}
