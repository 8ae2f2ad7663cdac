import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { AtRiskProcedure, DeadlineRecipient } from '@banjie/contracts';

export type EscalationStatus = 'open' | 'acknowledged';

@Entity({ name: 'escalations' })
@Unique('escalations_once_per_rung', ['subject', 'rung'])
export class EscalationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  rung!: string;

  @Column({ name: 'project_code', type: 'text' })
  projectCode!: string;

  @Column({ name: 'procedure_id', type: 'text', nullable: true })
  procedureId!: string | null;

  @Column({ name: 'application_number', type: 'integer', nullable: true })
  applicationNumber!: number | null;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'jsonb' })
  recipients!: DeadlineRecipient[];

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'at_risk', type: 'jsonb', nullable: true })
  atRisk!: AtRiskProcedure[] | null;

  @Column({ name: 'follow_up_of', type: 'uuid', nullable: true })
  followUpOf!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: EscalationStatus;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'acknowledged_by', type: 'text', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;
}
