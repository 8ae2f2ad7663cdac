import { Injectable } from '@nestjs/common';
import { ProjectLifecycleChangedV1 } from '@banjie/contracts';
import { decideTransition, shanghaiLocalDate } from '@banjie/domain';
import {
  appendToOutbox,
  DomainException,
  mapPage,
  Transactions,
  type Actor,
  type PageQuery,
} from '@banjie/platform';
import { authoredRecordFor } from '../projects/people-data';
import type { Project } from '../projects/project';
import { projectEventPayload } from '../projects/project.mapper';
import { actorName, ProjectRepository } from '../projects/project.repository';
import type { TransitionDto } from './dto/transition.dto';
import { LifecycleRepository } from './lifecycle.repository';

@Injectable()
export class LifecycleService {
  constructor(
    private readonly transactions: Transactions,
    private readonly projects: ProjectRepository,
    private readonly lifecycle: LifecycleRepository,
  ) {}

  /** Moves a project along its lifecycle; an illegal move is refused naming the moves allowed from here. */
  async transition(
    code: string,
    input: TransitionDto,
    actor: Actor,
    now: Date = new Date(),
  ): Promise<Project> {
    const today = shanghaiLocalDate(now);
    const effectiveDate = input.effectiveDate ?? today;
    if (effectiveDate > today)
      throw new DomainException(
        'bad-request',
        'FUTURE_DATE',
        `effectiveDate ${effectiveDate} is in the future (today is ${today})`,
      );
    return this.transactions.run(async (tx) => {
      const project = await this.projects.lockForChange(tx, code);
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
      const lastMove = await this.lifecycle.lastEffectiveDate(tx, code);
      const earliest = lastMove && lastMove > project.listedOn ? lastMove : project.listedOn;
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
      const saved = await this.projects.saveChanges(tx, project);
      await this.lifecycle.insertMove(tx, code, {
        from,
        to: decision.next,
        effectiveDate,
        actor: actorName(actor),
        reason: input.reason ?? null,
      });
      await this.projects.recordChange(tx, {
        code,
        version: saved.version,
        kind: 'TRANSITIONED',
        actor,
        reason: input.reason,
        changes: { state: { from, to: decision.next }, effectiveDate },
      });
      const payload = projectEventPayload(saved);
      await appendToOutbox(
        tx,
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
  async transitions(project: Project, query: PageQuery, actor: Actor) {
    const moves = await this.lifecycle.movesOf(project.code, query);
    return mapPage(moves, (move) => authoredRecordFor(actor, project, move));
  }
}
