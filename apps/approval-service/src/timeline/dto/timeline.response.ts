import { ApiProperty } from '@nestjs/swagger';
import { EXCLUDED_PERIOD_REASONS } from '@banjie/contracts';

const PHASES = ['AWAITING_ACCEPTANCE', 'PROCESSING', 'EXTENSION', 'OVERDUE', 'SUPPLEMENT', 'EXCLUDED'];
const HOLDERS = ['DEPARTMENT', 'ENTERPRISE', 'NOBODY'];

/** Working days by phase of the application. */
export class WorkingDaysByPhaseDto {
  @ApiProperty({ example: 2, description: 'submitted, not yet accepted (the department)' })
  AWAITING_ACCEPTANCE!: number;

  @ApiProperty({ example: 10, description: 'within the committed limit (the department)' })
  PROCESSING!: number;

  @ApiProperty({ example: 2, description: 'beyond the limit, within the granted extension (the department)' })
  EXTENSION!: number;

  @ApiProperty({ example: 0, description: 'beyond the limit and any extension (the department)' })
  OVERDUE!: number;

  @ApiProperty({ example: 4, description: 'waiting for the applicant’s supplement (the enterprise)' })
  SUPPLEMENT!: number;

  @ApiProperty({ example: 2, description: 'an art. 45 period: expert review, hearing … (nobody)' })
  EXCLUDED!: number;
}

/** Working days by whose turn it was. */
export class WorkingDaysByHolderDto {
  @ApiProperty({ example: 14 })
  DEPARTMENT!: number;

  @ApiProperty({ example: 4 })
  ENTERPRISE!: number;

  @ApiProperty({ example: 2 })
  NOBODY!: number;
}

class PeriodDto {
  @ApiProperty({ example: '2023-03-07' })
  from!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-03-09',
    description: 'null while open on asOf',
  })
  to!: string | null;
}

class ExcludedPeriodDto extends PeriodDto {
  @ApiProperty({ enum: EXCLUDED_PERIOD_REASONS })
  reason!: string;
}

/** The application's facts as they stood on asOf, rebuilt from its audit trail. */
class TimelineFactsDto {
  @ApiProperty({ example: '2023-03-01' })
  submittedOn!: string;

  @ApiProperty({
    type: PeriodDto,
    nullable: true,
    description:
      'the supplement asked for before acceptance (一次性告知), asked on `from`, delivered on `to`',
  })
  preAcceptanceSupplement!: PeriodDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-03-03',
    description: 'a deemed acceptance is dated the day the materials were received',
  })
  acceptedOn!: string | null;

  @ApiProperty({ example: 10, description: 'the limit the application is held to, in working days' })
  committedWorkingDays!: number;

  @ApiProperty({ example: 2, description: 'granted by `extend` by asOf' })
  extensionWorkingDays!: number;

  @ApiProperty({ type: [PeriodDto], description: 'supplements asked for after acceptance' })
  supplements!: readonly PeriodDto[];

  @ApiProperty({ type: [ExcludedPeriodDto], description: 'art. 45 periods' })
  excludedPeriods!: readonly ExcludedPeriodDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-03-31',
    description: 'approved, refused, withdrawn …',
  })
  endedOn!: string | null;
}

class TimelineSegmentDto {
  @ApiProperty({ enum: PHASES })
  phase!: string;

  @ApiProperty({ enum: HOLDERS })
  holder!: string;

  @ApiProperty({ example: '2023-03-06', description: 'the first working day of the segment' })
  from!: string;

  @ApiProperty({ example: '2023-03-07', description: 'the last working day of the segment' })
  to!: string;

  @ApiProperty({ example: 2 })
  workingDays!: number;

  @ApiProperty({ enum: EXCLUDED_PERIOD_REASONS, required: false, description: 'on an EXCLUDED segment' })
  reason?: string;
}

/** The current application's working days split by whose turn it was. */
class TimelineDto {
  @ApiProperty({ example: 1, description: 'which application of the procedure (re-applications count on)' })
  applicationNumber!: number;

  @ApiProperty({ description: 'accepted by law (art. 32) because the department did not decide in time' })
  deemedAccepted!: boolean;

  @ApiProperty({ description: 'counted across a calendar year nobody has published yet (暂定)' })
  provisional!: boolean;

  @ApiProperty({ type: TimelineFactsDto })
  facts!: TimelineFactsDto;

  @ApiProperty({ type: [TimelineSegmentDto], description: 'consecutive working days in one phase, in order' })
  segments!: readonly TimelineSegmentDto[];

  @ApiProperty({ type: WorkingDaysByPhaseDto })
  byPhase!: WorkingDaysByPhaseDto;

  @ApiProperty({ type: WorkingDaysByHolderDto })
  byHolder!: WorkingDaysByHolderDto;

  @ApiProperty({
    example: 14,
    description: 'working days counted against the limit (processing, extension, overdue)',
  })
  usedWorkingDays!: number;

  @ApiProperty({ example: 10 })
  committedWorkingDays!: number;

  @ApiProperty({ example: 2 })
  extensionWorkingDays!: number;
}

class TimelineUnavailableDto {
  @ApiProperty({ enum: ['NO_APPLICATION', 'CALENDAR_NOT_COVERED', 'HISTORY_INCONSISTENT'] })
  code!: string;

  @ApiProperty({ example: 'nothing was submitted by 2023-02-28' })
  message!: string;
}

/** `GET /procedures/:id/timeline`: whose clock each working day of the current application was on. */
export class ProcedureTimelineDto {
  @ApiProperty({ example: 'BJ-2023-0001-EIA' })
  procedureId!: string;

  @ApiProperty({ example: '2023-03-31' })
  asOf!: string;

  @ApiProperty({ example: 7, description: 'the working-day calendar version counted with' })
  calendarVersion!: number;

  @ApiProperty({
    type: TimelineDto,
    nullable: true,
    description: 'null when there is none on asOf: see `unavailable`',
  })
  timeline!: TimelineDto | null;

  @ApiProperty({ type: TimelineUnavailableDto, nullable: true, description: 'why `timeline` is null' })
  unavailable!: TimelineUnavailableDto | null;
}
