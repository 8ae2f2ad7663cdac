import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException, type Actor } from '@banjie/platform';
import type { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectEntity } from './project.entity';

export type ChangeKind = 'REGISTERED' | 'UPDATED' | 'TRANSITIONED' | 'PLAN_CHANGED';

/** An entry of a project's history: who changed what, when and why. */
export interface ProjectChange {
  version: number;
  kind: ChangeKind;
  actor: string;
  actorRole: string;
  reason: string | null;
  changes: Record<string, unknown>;
  changedAt: Date;
}

export const actorName = (actor: Actor): string => `${actor.role}:${actor.sub}`;

@Injectable()
export class ProjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nextCode(manager: EntityManager, year: number): Promise<string> {
    const [{ seq }] = await manager.query(`SELECT nextval('intake.project_code_seq') AS seq`);
    return `BJ-${year}-${String(seq).padStart(4, '0')}`;
  }

  /** Reads a project for change, locking its row until the transaction ends. */
  async lockForChange(manager: EntityManager, code: string): Promise<ProjectEntity> {
    const project = await manager.findOne(ProjectEntity, {
      where: { code },
      lock: { mode: 'pessimistic_write' },
    });
    if (!project) throw projectNotFound(code);
    return project;
  }

  async find(code: string): Promise<ProjectEntity | null> {
    return this.dataSource.getRepository(ProjectEntity).findOneBy({ code });
  }

  async list(
    query: ListProjectsQuery,
    ownerEnterpriseId?: string,
  ): Promise<{ items: ProjectEntity[]; total: number }> {
    const builder = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p');
    if (query.type) builder.andWhere('p.type = :type', { type: query.type });
    if (query.state) builder.andWhere('p.state = :state', { state: query.state });
    if (query.cluster) builder.andWhere('p.cluster = :cluster', { cluster: query.cluster });
    if (query.chain) builder.andWhere('p.chain = :chain', { chain: query.chain });
    if (query.responsibleUnit)
      builder.andWhere('p.responsible_unit = :unit', { unit: query.responsibleUnit });
    if (query.q)
      builder.andWhere(`(p.name ILIKE :q ESCAPE '\\' OR p.code ILIKE :q ESCAPE '\\')`, {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    if (ownerEnterpriseId !== undefined)
      builder.andWhere('p.owner_enterprise_id = :owner', { owner: ownerEnterpriseId });
    const pageSize = query.pageSize ?? 50;
    const [items, total] = await builder
      .orderBy('p.code', 'ASC')
      .skip(((query.page ?? 1) - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async recordChange(
    manager: EntityManager,
    change: {
      code: string;
      version: number;
      kind: ChangeKind;
      actor: Actor;
      reason?: string;
      changes: Record<string, unknown>;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO intake.project_changes (project_code, version, kind, actor, actor_role, reason, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        change.code,
        change.version,
        change.kind,
        actorName(change.actor),
        change.actor.role,
        change.reason ?? null,
        JSON.stringify(change.changes),
      ],
    );
  }

  async history(code: string): Promise<ProjectChange[]> {
    return this.dataSource.query(
      `SELECT version, kind, actor, actor_role AS "actorRole", reason, changes, changed_at AS "changedAt"
         FROM intake.project_changes WHERE project_code = $1 ORDER BY id`,
      [code],
    );
  }
}

export function projectNotFound(code: string): DomainException {
  return new DomainException('not-found', 'PROJECT_NOT_FOUND', `no project with code ${code}`);
}
