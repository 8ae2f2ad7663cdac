import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProjectLifecycleChangedV1, type LifecycleState } from '@banjie/contracts';
import { decideTransition, shanghaiLocalDate } from '@banjie/domain';
import { appendToOutbox, DomainException, type Actor } from '@banjie/platform';
import { authoredRecordFor } from '../projects/people-data';
import type { ProjectEntity } from '../projects/project.entity';
import { projectEventPayload } from '../projects/project.mapper';
import { actorName, ProjectRepository } from '../projects/project.repository';
import type { TransitionDto } from './dto/transition.dto';

/** A recorded move along the lifecycle. */
interface LifecycleMove {
  from: LifecycleState;
  to: LifecycleState;
  effectiveDate: string;
  actor: string;
  reason: string | null;
  recordedAt: Date;
}

@Injectable()
export class LifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
  ) {}

  /** Moves a project along its lifecycle; an illegal move is refused naming the moves allowed from here. */
  async transition(
    code: string,
    input: TransitionDto,
    actor: Actor,
    now: Date = new Date(),
  ): Promise<ProjectEntity> {
    const today = shanghaiLocalDate(now);
    const effectiveDate = input.effectiveDate ?? today;
    if (effectiveDate > today)
      throw new DomainException(
        'bad-request',
        'FUTURE_DATE',
        `effectiveDate ${effectiveDate} is in the future (today is ${today})`,
      );
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.lockForChange(manager, code);
      const decision = decideTransition(
        { state: project.state, type: project.type, suspendedFrom: project.suspendedFrom ?? undefined },
        input.to,
      );
      if (!decision.ok) {
        throw new DomainException(
          'conflict',
          'ILLEGAL_TRANSITION',
          `a ${project.type} project cannot go from ${project.state} to ${input.to}; allowed from ${project.state}: ${decision.allowed.join(', ') || 'none (final state)'}`,
          { allowed: decision.allowed },
        );
      }
      const [last] = await manager.query(
        `SELECT max(effective_date)::text AS date FROM intake.lifecycle_transitions WHERE project_code = $1`,
        [code],
      );
      const earliest = last?.date && last.date > project.listedOn ? last.date : project.listedOn;
      if (effectiveDate < earliest) {
        throw new DomainException(
          'bad-request',
          'DATE_BEFORE_HISTORY',
          `effectiveDate ${effectiveDate} is before the project's last recorded change (${earliest})`,
        );
      }
      const from = project.state;
      project.suspendedFrom = decision.suspendedFrom;
      project.state = decision.next;
      project.updatedAt = now;
      const saved = await manager.save(project);
      await manager.query(
        `INSERT INTO intake.lifecycle_transitions (project_code, from_state, to_state, effective_date, actor, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
        [code, from, decision.next, effectiveDate, actorName(actor), input.reason ?? null],
      );
      await this.projects.recordChange(manager, {
        code,
        version: saved.version,
        kind: 'TRANSITIONED',
        actor,
        reason: input.reason,
        changes: { state: { from, to: decision.next }, effectiveDate },
      });
      const payload = projectEventPayload(saved);
      await appendToOutbox(
        manager,
        ProjectLifecycleChangedV1,
        code,
        {
          public: { ...payload.public, transition: { from, to: decision.next, effectiveDate } },
          internal: {
            ...payload.internal,
            actor: actorName(actor),
            ...(input.reason ? { reason: input.reason } : {}),
          },
        },
        now,
      );
      return saved;
    });
  }

  /** A project's moves, as `actor` may read them (who moved it and why only for those who read people data). */
  async transitions(project: ProjectEntity, actor: Actor) {
    const moves: LifecycleMove[] = await this.dataSource.query(
      `SELECT from_state AS "from", to_state AS "to", effective_date::text AS "effectiveDate", actor, reason, recorded_at AS "recordedAt"
         FROM intake.lifecycle_transitions WHERE project_code = $1 ORDER BY id`,
      [project.code],
    );
    return moves.map((move) => authoredRecordFor(actor, project, move));
  }
}
