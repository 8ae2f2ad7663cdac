import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LifecycleState, ProjectType } from '@banjie/contracts';

/** The deadline service's own view of each project: whom to remind, whom to escalate to. */
@Entity({ name: 'project_directory' })
export class ProjectDirectoryEntry {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: ProjectType;

  @Column({ type: 'text' })
  chain!: string;

  @Column({ type: 'text' })
  state!: LifecycleState;

  @Column({ name: 'planned_start', type: 'date' })
  plannedStart!: string;

  @Column({ type: 'jsonb' })
  helpers!: { name: string; phone?: string }[];

  @Column({ name: 'leading_official', type: 'text' })
  leadingOfficial!: string;

  /** The intake version last applied: older events never overwrite newer facts. */
  @Column({ type: 'integer' })
  version!: number;
}
