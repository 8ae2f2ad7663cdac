import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENT_CODES,
  EXCLUDED_PERIOD_REASONS,
  PROCEDURE_ACTIONS,
  PROCEDURE_CODES,
  PROCEDURE_STATUSES,
  SupplementReason,
} from '@banjie/contracts';

class PauseDto {
  @ApiProperty({ example: '2023-01-30' })
  from!: string;

  @ApiProperty({ type: String, nullable: true, example: '2023-02-06', description: 'null while paused' })
  to!: string | null;

  @ApiPropertyOptional({
    enum: EXCLUDED_PERIOD_REASONS,
    description:
      'present on a period the law leaves out of the limit (art. 45); absent on a supplement request',
  })
  excludedReason?: string;
}

class PreAcceptanceSupplementDto {
  @ApiProperty({ example: '2023-01-18', description: 'the day the department asked' })
  from!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-01-25',
    description: 'the day the applicant delivered (resubmit); null while owed',
  })
  to!: string | null;

  @ApiProperty({ enum: Object.values(SupplementReason) })
  supplementReason!: string;
}

/** The acceptance window (受理时限, art. 32) of a submission waiting for the department. */
class AcceptanceDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-01-16',
    description:
      'the day the complete materials were received (the submission, or the supplement delivered); null while owed',
  })
  receivedOn!: string | null;

  @ApiProperty({ example: 5 })
  windowWorkingDays!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-01-30',
    description: "the window's last day; after it the law deems the application accepted from `receivedOn`",
  })
  dueDate!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'working days left as of `asOf` (0 on the last day, negative once lapsed)',
  })
  remainingWorkingDays!: number | null;

  @ApiProperty({
    enum: ['OPEN', 'CLOSING_SOON', 'LAPSED', 'SUPPLEMENT_REQUESTED', 'UNKNOWN'],
    description:
      'LAPSED: the window closed with no decision (the system deems it accepted shortly); SUPPLEMENT_REQUESTED: the window stands ' +
      'still until the applicant delivers; UNKNOWN: the calendar does not cover the window',
  })
  status!: string;

  @ApiProperty({ type: PreAcceptanceSupplementDto, nullable: true })
  preAcceptanceSupplement!: PreAcceptanceSupplementDto | null;
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

  @ApiProperty({
    example: 5,
    description: 'the acceptance window (受理时限) in working days, from the plan or the catalogue',
  })
  acceptanceWorkingDays!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-01-23',
    description:
      "while SUBMITTED: the acceptance window's last day (null while a supplement before acceptance is owed, and once decided)",
  })
  acceptanceDueDate!: string | null;

  @ApiProperty({
    type: PreAcceptanceSupplementDto,
    nullable: true,
    description: 'the one supplement asked for before acceptance of the current submission (一次性告知)',
  })
  preAcceptanceSupplement!: PreAcceptanceSupplementDto | null;

  @ApiProperty({
    description:
      'true when the department never decided and the law deemed the current application accepted from the day the materials were received (art. 32)',
  })
  deemedAccepted!: boolean;

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

  @ApiProperty({
    type: AcceptanceDto,
    nullable: true,
    description: 'while SUBMITTED: the acceptance window as of `asOf`; null in every other status',
  })
  acceptance!: AcceptanceDto | null;

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

  @ApiPropertyOptional({
    example: 'eeb-clerk-wang',
    description:
      '`system` when Banjie itself acted under the law (a deemed acceptance); an enterprise sees only that one',
  })
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

  @ApiProperty({ type: String, nullable: true, enum: EXCLUDED_PERIOD_REASONS })
  excludedReason!: string | null;

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
