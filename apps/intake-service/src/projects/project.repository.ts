import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, queryPage, type Actor, type Page, type PageQuery, type Tx } from '@banjie/platform';
import type { ListProjectsQuery } from './dto/list-projects.query';
import type { Project } from './project';

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

/** A project about to be registered: its version is given by the table. */
export type NewProject = Omit<Project, 'version'>;

export const actorName = (actor: Actor): string => `${actor.role}:${actor.sub}`;

const COLUMNS = `code, name, owner_enterprise_id AS "ownerEnterpriseId", owner_enterprise_name AS "ownerEnterpriseName",
  total_investment AS "totalInvestment", cluster, chain, type, location, planned_start::text AS "plannedStart",
  responsible_unit AS "responsibleUnit", helpers, leading_official AS "leadingOfficial", listed_on::text AS "listedOn",
  state, suspended_from AS "suspendedFrom", version, registered_at AS "registeredAt", updated_at AS "updatedAt"`;

/** `ILIKE` text matching `q` anywhere, with `\` escaping LIKE's wildcards. */
const containing = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class ProjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The next code of the year the project entered the list: `BJ-<year>-<nnnn>`, numbered per year. */
  async nextCode(tx: Tx, listedYear: number): Promise<string> {
    const [{ number }] = (await tx.query(
      `INSERT INTO intake.project_code_counters AS counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = counters.last_number + 1
       RETURNING last_number AS number`,
      [listedYear],
    )) as [{ number: number }];
    return `BJ-${listedYear}-${String(number).padStart(4, '0')}`;
  }

  /** Stores a new project at version 1. */
  async insert(tx: Tx, project: NewProject): Promise<Project> {
    const [{ version }] = (await tx.query(
      `INSERT INTO intake.projects (code, name, owner_enterprise_id, owner_enterprise_name, total_investment, cluster, chain, type,
         location, planned_start, responsible_unit, helpers, leading_official, listed_on, state, suspended_from, version,
         registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, $18)
       RETURNING version`,
      [
        project.code,
        project.name,
        project.ownerEnterpriseId,
        project.ownerEnterpriseName,
        project.totalInvestment,
        project.cluster,
        project.chain,
        project.type,
        project.location,
        project.plannedStart,
        project.responsibleUnit,
        JSON.stringify(project.helpers),
        project.leadingOfficial,
        project.listedOn,
        project.state,
        project.suspendedFrom,
        project.registeredAt,
        project.updatedAt,
      ],
    )) as [{ version: number }];
    return { ...project, version };
  }

  /** Reads a project for change, locking its row until the transaction ends. */
  async lockForChange(tx: Tx, code: string): Promise<Project> {
    const [project] = (await tx.query(`SELECT ${COLUMNS} FROM intake.projects WHERE code = $1 FOR UPDATE`, [
      code,
    ])) as Project[];
    if (!project) throw projectNotFound(code);
    return project;
  }

  /** Writes a locked project's changed facts and state, moving it to its next version. */
  async saveChanges(tx: Tx, project: Project): Promise<Project> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [[{ version }]] = (await tx.query(
      `UPDATE intake.projects SET name = $2, owner_enterprise_id = $3, owner_enterprise_name = $4, total_investment = $5,
         cluster = $6, chain = $7, location = $8, planned_start = $9, responsible_unit = $10, helpers = $11,
         leading_official = $12, state = $13, suspended_from = $14, updated_at = $15, version = version + 1
       WHERE code = $1
       RETURNING version`,
      [
        project.code,
        project.name,
        project.ownerEnterpriseId,
        project.ownerEnterpriseName,
        project.totalInvestment,
        project.cluster,
        project.chain,
        project.location,
        project.plannedStart,
        project.responsibleUnit,
        JSON.stringify(project.helpers),
        project.leadingOfficial,
        project.state,
        project.suspendedFrom,
        project.updatedAt,
      ],
    )) as [[{ version: number }], number];
    return { ...project, version };
  }

  async find(code: string): Promise<Project | null> {
    const [project] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM intake.projects WHERE code = $1`, [
      code,
    ])) as Project[];
    return project ?? null;
  }

  /** One page of the projects matching the query, by code, and how many match in all. */
  async list(query: ListProjectsQuery, ownerEnterpriseId?: string): Promise<Page<Project>> {
    const parameters: unknown[] = [];
    const conditions: string[] = [];
    const addCondition = (condition: (parameter: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition(`$${parameters.length}`));
    };
    if (query.type) addCondition((p) => `type = ${p}`, query.type);
    if (query.state) addCondition((p) => `state = ${p}`, query.state);
    if (query.cluster) addCondition((p) => `cluster = ${p}`, query.cluster);
    if (query.chain) addCondition((p) => `chain = ${p}`, query.chain);
    if (query.responsibleUnit) addCondition((p) => `responsible_unit = ${p}`, query.responsibleUnit);
    if (query.q)
      addCondition(
        (p) => `(name ILIKE ${p} ESCAPE '\\' OR code ILIKE ${p} ESCAPE '\\')`,
        containing(query.q),
      );
    if (ownerEnterpriseId !== undefined) addCondition((p) => `owner_enterprise_id = ${p}`, ownerEnterpriseId);
    const filter = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return queryPage<Project>(
      this.dataSource,
      { columns: COLUMNS, from: `FROM intake.projects ${filter}`, orderBy: 'code', parameters },
      query,
    );
  }

  async recordChange(
    tx: Tx,
    change: {
      code: string;
      version: number;
      kind: ChangeKind;
      actor: Actor;
      reason?: string;
      changes: Record<string, unknown>;
    },
  ): Promise<void> {
    await tx.query(
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

  /** One page of a project's changes, oldest first. */
  history(code: string, query: PageQuery): Promise<Page<ProjectChange>> {
    return queryPage<ProjectChange>(
      this.dataSource,
      {
        columns: `version, kind, actor, actor_role AS "actorRole", reason, changes, changed_at AS "changedAt"`,
        from: 'FROM intake.project_changes WHERE project_code = $1',
        orderBy: 'id',
        parameters: [code],
      },
      query,
    );
  }
}

export function projectNotFound(code: string): DomainException {
  return new DomainException('not-found', 'PROJECT_NOT_FOUND', `no project with code ${code}`);
}
