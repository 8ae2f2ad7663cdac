import { ApiProperty } from '@nestjs/swagger';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** A submitted application's acceptance window (受理时限, art. 32) as its workflow sees it today. */
export class AcceptanceWindowDto {
  @ApiProperty({
    enum: ['OPEN', 'CLOSING_SOON', 'LAPSED', 'WAITING_FOR_SUPPLEMENT', 'DECIDED', 'UNAVAILABLE'],
    example: 'CLOSING_SOON',
    description:
      'WAITING_FOR_SUPPLEMENT: a supplement asked for before acceptance is owed and the window stands still',
  })
  status!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2027-01-04',
    description: 'the day the complete materials were received (null while the supplement is owed)',
  })
  receivedOn!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-01-11', description: "the window's last day" })
  closesOn!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'negative once lapsed' })
  remainingWorkingDays!: number | null;

  @ApiProperty({ description: 'closesOn rests on a provisional calendar year (暂定)' })
  provisional!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2027-01-11T16:00:00.000Z',
    description:
      'when the lapse is reported: 00:00 Asia/Shanghai of the working day after closesOn, never sooner than the recording grace',
  })
  lapsesAt!: string | null;

  @ApiProperty({
    example: 0,
    description: 'how often the lapse was reported to the approval service (again daily without a decision)',
  })
  lapseReports!: number;

  @ApiProperty({ type: [String], example: ['acceptance-reminder-1d:2027-01-04'] })
  remindersSent!: string[];
}

/** The current application's clock as its workflow sees it today. */
export class ClockDto {
  @ApiProperty({ example: 'BJ-2023-0001-EIA' })
  procedureId!: string;

  @ApiProperty({ example: 1 })
  applicationNumber!: number;

  @ApiProperty({
    example: 'IN_TIME',
    description: 'the workflow state of the clock; AWAITING_ACCEPTANCE while the application is SUBMITTED',
  })
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

  @ApiProperty({
    type: AcceptanceWindowDto,
    nullable: true,
    description: 'while the application is SUBMITTED: its acceptance window; otherwise null',
  })
  acceptanceWindow!: AcceptanceWindowDto | null;
}
