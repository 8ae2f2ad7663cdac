import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, type Tx } from '@banjie/platform';

/** What the approval service knows about a project: who owns it and which helper logins act for it. */
export interface ProjectScope {
  code: string;
  ownerEnterpriseId: string;
  helperLogins: string[];
  planVersion: number;
}

const COLUMNS = `code, owner_enterprise_id AS "ownerEnterpriseId", helper_logins AS "helperLogins", plan_version AS "planVersion"`;

/** Helper logins (token subjects) among intake's helper contacts; a helper without a login cannot act. */
export const helperLogins = (helpers: readonly { userId?: string }[]): string[] =>
  [...new Set(helpers.flatMap((helper) => (helper.userId ? [helper.userId] : [])))].sort();

@Injectable()
export class ProjectDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** From intake's project events (name and industrial chain too): newer project versions win, older ones change nothing. */
  async upsertFromProject(
    tx: Tx,
    project: {
      code: string;
      name: string;
      chain: string;
      ownerEnterpriseId: string;
      helperLogins: string[];
      version: number;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO approval.projects (code, name, chain, owner_enterprise_id, helper_logins, project_version)
       VALUES ($1, $2, NULLIF(btrim($3), ''), $4, $5, $6)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, chain = EXCLUDED.chain,
         owner_enterprise_id = EXCLUDED.owner_enterprise_id, helper_logins = EXCLUDED.helper_logins,
         project_version = EXCLUDED.project_version, updated_at = now()
       WHERE projects.project_version < EXCLUDED.project_version`,
      [
        project.code,
        project.name,
        project.chain,
        project.ownerEnterpriseId,
        project.helperLogins,
        project.version,
      ],
    );
  }

  /**
   * From a plan event, which may arrive before the project's own events (another topic): it
   * supplies owner and helpers only until a project event (with a version) has been seen.
   * Returns the project row, locked for the rest of the transaction.
   */
  async upsertFromPlanAndLock(
    tx: Tx,
    project: { code: string; ownerEnterpriseId: string; helperLogins: string[] },
  ): Promise<ProjectScope> {
    await tx.query(
      `INSERT INTO approval.projects (code, owner_enterprise_id, helper_logins) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET owner_enterprise_id = EXCLUDED.owner_enterprise_id, helper_logins = EXCLUDED.helper_logins, updated_at = now()
       WHERE projects.project_version = 0`,
      [project.code, project.ownerEnterpriseId, project.helperLogins],
    );
    const [row] = (await tx.query(`SELECT ${COLUMNS} FROM approval.projects WHERE code = $1 FOR UPDATE`, [
      project.code,
    ])) as ProjectScope[];
    return row!;
  }

  async recordPlanVersion(tx: Tx, code: string, planVersion: number): Promise<void> {
    await tx.query(`UPDATE approval.projects SET plan_version = $2, updated_at = now() WHERE code = $1`, [
      code,
      planVersion,
    ]);
  }

  async scope(tx: Tx, code: string): Promise<ProjectScope> {
    const [row] = (await tx.query(`SELECT ${COLUMNS} FROM approval.projects WHERE code = $1`, [
      code,
    ])) as ProjectScope[];
    if (!row)
      throw new DomainException('not-found', 'PROJECT_NOT_FOUND', `no procedures known for project ${code}`);
    return row;
  }

  find(code: string): Promise<ProjectScope> {
    return this.scope(this.dataSource.manager, code);
  }

  async scopes(codes: string[]): Promise<Map<string, ProjectScope>> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM approval.projects WHERE code = ANY ($1::text[])`,
      [codes],
    )) as ProjectScope[];
    return new Map(rows.map((row) => [row.code, row]));
  }
}
