import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENT_CODES, PROCEDURE_ACTIONS, PROCEDURE_CODES, PROCEDURE_STATUSES } from '@banjie/contracts';

class PauseDto {
  @ApiProperty({ example: '2023-01-30' })
  from!: string;

  @ApiProperty({ type: String, nullable: true, example: '2023-02-06', description: 'null while paused' })
  to!: string | null;
}

/**
 * A procedure as the approval API answers it: its public snapshot, and what is derived on reading
 * as of `asOf` (deadline status, remaining working days, target status, the actions allowed and
 * those the caller may perform).
 */
export class ProcedureDto {
  @ApiProperty({ example: 'BJ-2023-0001-EIA' })
  procedureId!: string;

  @ApiProperty({ example: 'BJ-2023-0001' })
  projectCode!: string;

  @ApiProperty({ enum: PROCEDURE_CODES })
  procedure!: string;

  @ApiProperty({ example: '环境影响评价审批' })
  procedureName!: string;

  @ApiProperty({ enum: DEPARTMENT_CODES })
  department!: string;

  @ApiProperty({ enum: PROCEDURE_STATUSES })
  status!: string;

  @ApiProperty({ example: 4, description: 'counts its changes; name it in If-Match / expectedSequence' })
  sequence!: number;

  @ApiProperty({ type: String, nullable: true, example: '2023-01-30' })
  effectiveDate!: string | null;

  @ApiProperty({ example: 1 })
  applicationNumber!: number;

  @ApiProperty({ type: Number, nullable: true, example: 20 })
  committedWorkingDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 3 })
  extensionWorkingDays!: number | null;

  @ApiProperty({ type: String, nullable: true })
  submittedOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  acceptedOn!: string | null;

  @ApiProperty({ type: [PauseDto] })
  pauses!: PauseDto[];

  @ApiProperty({ type: String, nullable: true })
  baselineDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  targetDate!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2023-03-01' })
  dueDate!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'why there is no due date although the clock runs (e.g. the calendar does not cover it)',
  })
  dueDateUnavailable!: string | null;

  @ApiProperty({ description: 'true while the due date rests on a provisional calendar year' })
  dueDateProvisional!: boolean;

  @ApiProperty({ example: 7 })
  calendarVersion!: number;

  @ApiProperty({ type: String, nullable: true })
  completedOn!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '玉环审〔2023〕12号' })
  documentNumber!: string | null;

  @ApiProperty({ example: '2023-03-28' })
  asOf!: string;

  @ApiProperty({ enum: ['NOT_STARTED', 'PAUSED', 'ON_TIME', 'DUE_SOON', 'OVERDUE', 'COMPLETED'] })
  deadlineStatus!: string;

  @ApiProperty({ type: Number, nullable: true, example: 5 })
  remainingWorkingDays!: number | null;

  @ApiProperty({ enum: ['NO_TARGET', 'ON_TRACK', 'MET', 'MISSED'] })
  targetStatus!: string;

  @ApiProperty({ enum: PROCEDURE_ACTIONS, isArray: true })
  allowedActions!: string[];

  @ApiProperty({
    enum: PROCEDURE_ACTIONS,
    isArray: true,
    description: 'of the allowed ones, those the caller may do',
  })
  permittedActions!: string[];
}

/**
 * One entry of the append-only audit trail. An enterprise reads the applied changes only, with the
 * public fields only (no actor, reasons, notes, refusals, keys; `lateEntry` as a boolean).
 */
export class AuditEntryDto {
  @ApiProperty({ example: 42 })
  id!: number;

  @ApiProperty({ example: 'BJ-2023-0001-EIA' })
  procedureId!: string;

  @ApiProperty({ example: 'BJ-2023-0001' })
  projectCode!: string;

  @ApiProperty({
    example: 'request-supplement',
    description: 'an action, or open / replan from the intake plan',
  })
  action!: string;

  @ApiPropertyOptional({ enum: ['APPLIED', 'DENIED', 'REJECTED'] })
  outcome?: string;

  @ApiPropertyOptional({ example: 'eeb-clerk-wang' })
  actor?: string;

  @ApiPropertyOptional({ example: 'department' })
  actorRole?: string;

  @ApiProperty({ type: String, nullable: true })
  fromStatus!: string | null;

  @ApiProperty({ type: String, nullable: true })
  toStatus!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  sequence!: number | null;

  @ApiProperty({ type: String, nullable: true })
  effectiveDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  supplementReason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  documentNumber!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  extensionDays!: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  refusalCode?: string | null;

  @ApiProperty({
    oneOf: [{ type: 'boolean' }, { type: 'object', additionalProperties: true }],
    nullable: true,
    description:
      'a late entry (补录): its reason, evidence and party; for an enterprise only whether it was one',
  })
  lateEntry!: boolean | Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: Date;
}
