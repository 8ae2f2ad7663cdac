import { ApiProperty } from '@nestjs/swagger';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** An escalation of the ledger, with who it went to and who took it on. */
export class EscalationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'BJ-2023-0001-EIA#1',
    description: 'what it is about (procedure and application, project, quarter)',
  })
  subject!: string;

  @ApiProperty({ example: 'OVERDUE_SUPERVISOR' })
  rung!: string;

  @ApiProperty({ example: 'BJ-2023-0001' })
  projectCode!: string;

  @ApiProperty({ type: String, nullable: true, example: 'BJ-2023-0001-EIA' })
  procedureId!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 1 })
  applicationNumber!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'EEB' })
  department!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2023-03-01' })
  dueDate!: string | null;

  @ApiProperty({ type: 'array', items: OBJECT, description: 'who it was sent to' })
  recipients!: Record<string, unknown>[];

  @ApiProperty({ example: '环评审批已超期 1 个工作日' })
  reason!: string;

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    nullable: true,
    description: 'for a quarter target: the procedures most likely to change the result',
  })
  atRisk!: Record<string, unknown>[] | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the escalation this one follows up',
  })
  followUpOf!: string | null;

  @ApiProperty({ enum: ['open', 'acknowledged', 'withdrawn'] })
  status!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  raisedAt!: Date;

  @ApiProperty({ type: String, nullable: true, example: 'supervisor-wang' })
  acknowledgedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawnReason!: string | null;
}
