import { Injectable } from '@nestjs/common';
import { LifecycleState, ProjectRegisteredV1, ProjectUpdatedV1 } from '@banjie/contracts';
import { shanghaiLocalDate } from '@banjie/domain';
import {
  appendToOutbox,
  DomainException,
  mapPage,
  Transactions,
  type Actor,
  type PageQuery,
} from '@banjie/platform';
import type { ListProjectsQuery } from './dto/list-projects.query';
import type { RegisterProjectDto } from './dto/register-project.dto';
import type { UpdateProjectDto } from './dto/update-project.dto';
import { publicChanges, readsPeopleData, withoutAuthor } from './people-data';
import type { Project } from './project';
import { projectEventPayload } from './project.mapper';
import { actorName, projectNotFound, ProjectRepository } from './project.repository';

/** How the caller states the version it read: in the body (stale → 409) or If-Match (stale → 412). */
export type ExpectedVersion = { source: 'body' | 'if-match'; version: number };

const UPDATABLE_FIELDS = [
  'name',
  'totalInvestment',
  'cluster',
  'chain',
  'location',
  'plannedStart',
  'responsibleUnit',
  'helpers',
  'leadingOfficial',
] as const;

@Injectable()
export class ProjectService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ProjectRepository,
  ) {}

  /**
   * Registers a key project under a new lifelong code carrying the year it entered the list (its
   * `listedOn`, by default today in Shanghai); the project, its history and its event commit together.
   */
  async register(input: RegisterProjectDto, actor: Actor, now: Date = new Date()): Promise<Project> {
    const listedOn = input.listedOn ?? shanghaiLocalDate(now);
    return this.transactions.run(async (tx) => {
      const code = await this.repository.nextCode(tx, Number(listedOn.slice(0, 4)));
      const saved = await this.repository.insert(tx, {
        code,
        name: input.name,
        ownerEnterpriseId: input.ownerEnterprise.id,
        ownerEnterpriseName: input.ownerEnterprise.name,
        totalInvestment: input.totalInvestment,
        cluster: input.cluster,
        chain: input.chain,
        type: input.type,
        location: input.location,
        plannedStart: input.plannedStart,
        responsibleUnit: input.responsibleUnit,
        helpers: input.helpers.map((helper) => ({ ...helper })),
        leadingOfficial: input.leadingOfficial,
        listedOn,
        state: input.state ?? LifecycleState.SIGNED,
        suspendedFrom: null,
        registeredAt: now,
        updatedAt: now,
      });
      await this.repository.recordChange(tx, {
        code,
        version: saved.version,
        kind: 'REGISTERED',
        actor,
        changes: { ...input },
      });
      await appendToOutbox(tx, ProjectRegisteredV1, code, projectEventPayload(saved), now);
      return saved;
    });
  }

  /**
   * Changes registered facts under optimistic concurrency: the caller names the version it read;
   * if someone changed the project since, nothing is written and the caller learns the current version.
   */
  async update(
    code: string,
    input: UpdateProjectDto,
    expected: ExpectedVersion | undefined,
    actor: Actor,
    now: Date = new Date(),
  ): Promise<Project> {
    if (!expected) {
      throw new DomainException(
        'bad-request',
        'VERSION_REQUIRED',
        'expectedVersion (body) or If-Match header: state the version you read',
      );
    }
    return this.transactions.run(async (tx) => {
      const project = await this.repository.lockForChange(tx, code);
      if (project.version !== expected.version) {
        throw new DomainException(
          expected.source === 'if-match' ? 'precondition-failed' : 'conflict',
          'STALE_VERSION',
          `project ${code} is at version ${project.version}, not ${expected.version}: read it again and reapply your change`,
          { currentVersion: project.version },
        );
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of UPDATABLE_FIELDS) {
        const next = input[field];
        if (next !== undefined && JSON.stringify(next) !== JSON.stringify(project[field])) {
          changes[field] = { from: project[field], to: next };
        }
      }
      if (
        input.ownerEnterprise &&
        (input.ownerEnterprise.id !== project.ownerEnterpriseId ||
          input.ownerEnterprise.name !== project.ownerEnterpriseName)
      ) {
        changes.ownerEnterprise = {
          from: { id: project.ownerEnterpriseId, name: project.ownerEnterpriseName },
          to: input.ownerEnterprise,
        };
        project.ownerEnterpriseId = input.ownerEnterprise.id;
        project.ownerEnterpriseName = input.ownerEnterprise.name;
      }
      if (Object.keys(changes).length === 0) return project;
      Object.assign(
        project,
        Object.fromEntries(UPDATABLE_FIELDS.filter((f) => f in changes).map((f) => [f, input[f]])),
      );
      project.updatedAt = now;
      const saved = await this.repository.saveChanges(tx, project);
      await this.repository.recordChange(tx, {
        code,
        version: saved.version,
        kind: 'UPDATED',
        actor,
        reason: input.reason,
        changes,
      });
      const payload = projectEventPayload(saved);
      await appendToOutbox(
        tx,
        ProjectUpdatedV1,
        code,
        {
          public: payload.public,
          internal: {
            ...payload.internal,
            changedFields: Object.keys(changes),
            actor: actorName(actor),
            reason: input.reason,
          },
        },
        now,
      );
      return saved;
    });
  }

  /** A project, if the caller may read it: an enterprise reads only its own (others look absent). */
  async get(code: string, actor: Actor): Promise<Project> {
    const project = await this.repository.find(code);
    if (!project || (actor.role === 'enterprise' && project.ownerEnterpriseId !== actor.enterpriseId))
      throw projectNotFound(code);
    return project;
  }

  list(query: ListProjectsQuery, actor: Actor) {
    return this.repository.list(query, actor.role === 'enterprise' ? actor.enterpriseId : undefined);
  }

  /** A project's history, as `actor` may read it: for all but those who read people data, without who and why, and only the changes of public fields. */
  async history(code: string, query: PageQuery, actor: Actor) {
    const project = await this.get(code, actor);
    const entries = await this.repository.history(code, query);
    return readsPeopleData(actor, project)
      ? entries
      : mapPage(entries, (entry) => ({ ...withoutAuthor(entry), changes: publicChanges(entry.changes) }));
  }
}
