import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { IndustryCluster, LifecycleState, ProjectType } from '@banjie/contracts';

export interface HelperContact {
  name: string;
  phone?: string;
  /** Their login (token subject). */
  userId?: string;
}

@Entity({ name: 'projects' })
export class ProjectEntity {
  /** Given once for life, never reused (from a sequence). */
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'owner_enterprise_id', type: 'text' })
  ownerEnterpriseId!: string;

  @Column({ name: 'owner_enterprise_name', type: 'text' })
  ownerEnterpriseName!: string;

  /** 亿元, exact: numeric in Postgres, a decimal string in TypeScript. */
  @Column({ name: 'total_investment', type: 'numeric', precision: 16, scale: 4 })
  totalInvestment!: string;

  @Column({ type: 'text' })
  cluster!: IndustryCluster;

  @Column({ type: 'text' })
  chain!: string;

  @Column({ type: 'text' })
  type!: ProjectType;

  @Column({ type: 'text' })
  location!: string;

  @Column({ name: 'planned_start', type: 'date' })
  plannedStart!: string;

  @Column({ name: 'responsible_unit', type: 'text' })
  responsibleUnit!: string;

  @Column({ type: 'jsonb' })
  helpers!: HelperContact[];

  @Column({ name: 'leading_official', type: 'text' })
  leadingOfficial!: string;

  /** The day the project entered the key-project list (for as-of summaries). */
  @Column({ name: 'listed_on', type: 'date' })
  listedOn!: string;

  @Column({ type: 'text' })
  state!: LifecycleState;

  @Column({ name: 'suspended_from', type: 'text', nullable: true })
  suspendedFrom!: LifecycleState | null;

  @VersionColumn()
  version!: number;

  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' })
  registeredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
