import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanItem } from '@banjie/contracts';
import { queryPage, type Page, type PageQuery, type Tx } from '@banjie/platform';

/** One version of a project's procedure plan, with who made it and why. */
export interface PlanVersion {
  projectCode: string;
  planVersion: number;
  effectiveDate: string;
  items: PlanItem[];
  actor: string;
  reason: string | null;
  recordedAt: Date;
}

const COLUMNS = `project_code AS "projectCode", plan_version AS "planVersion", effective_date::text AS "effectiveDate",
  items, actor, reason, recorded_at AS "recordedAt"`;

/** The versions of projects' procedure plans (`intake.procedure_plan_versions`). */
@Injectable()
export class PlanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The project's plan in force, or undefined before its first plan. */
  async findLatest(tx: Tx, code: string): Promise<PlanVersion | undefined> {
    const [latest] = (await tx.query(
      `SELECT ${COLUMNS} FROM intake.procedure_plan_versions WHERE project_code = $1 ORDER BY plan_version DESC LIMIT 1`,
      [code],
    )) as PlanVersion[];
    return latest;
  }

  /** The plan in force, read outside any transaction. */
  current(code: string): Promise<PlanVersion | undefined> {
    return this.findLatest(this.dataSource.manager, code);
  }

  /** One page of the versions of a project's plan, oldest first. */
  versions(code: string, query: PageQuery): Promise<Page<PlanVersion>> {
    return queryPage<PlanVersion>(
      this.dataSource,
      {
        columns: COLUMNS,
        from: 'FROM intake.procedure_plan_versions WHERE project_code = $1',
        orderBy: 'plan_version',
        parameters: [code],
      },
      query,
    );
  }

  async insert(tx: Tx, version: Omit<PlanVersion, 'recordedAt'>): Promise<PlanVersion> {
    const [stored] = (await tx.query(
      `INSERT INTO intake.procedure_plan_versions (project_code, plan_version, effective_date, items, actor, reason)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [
        version.projectCode,
        version.planVersion,
        version.effectiveDate,
        JSON.stringify(version.items),
        version.actor,
        version.reason,
      ],
    )) as [PlanVersion];
    return stored;
  }
}
