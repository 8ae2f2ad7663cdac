import { Injectable } from '@nestjs/common';
import type { PayloadOf, ProjectRegisteredV1 } from '@banjie/contracts';
import type { Tx } from '@banjie/platform';

/** What every intake project event carries of the project: enough for the directory's row. */
export type ProjectSnapshot = Pick<PayloadOf<typeof ProjectRegisteredV1>, 'public' | 'internal'>;

/** The deadline service's project directory (`deadline.project_directory`): chain, state, listing day, helpers, leading official. */
@Injectable()
export class ProjectDirectoryRepository {
  /** Newer facts win: a snapshot older than the directory's version changes nothing. */
  async upsert(tx: Tx, { public: project, internal }: ProjectSnapshot): Promise<void> {
    await tx.query(
      `INSERT INTO deadline.project_directory (code, name, type, chain, state, planned_start, helpers, leading_official, version, listed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, chain = EXCLUDED.chain,
         state = EXCLUDED.state, planned_start = EXCLUDED.planned_start, helpers = EXCLUDED.helpers,
         leading_official = EXCLUDED.leading_official, version = EXCLUDED.version,
         listed_on = COALESCE(EXCLUDED.listed_on, project_directory.listed_on)
       WHERE project_directory.version < EXCLUDED.version`,
      [
        project.code,
        project.name,
        project.type,
        project.chain,
        project.state,
        project.plannedStart,
        JSON.stringify(internal.helpers),
        internal.leadingOfficial,
        internal.version,
        project.listedOn ?? null,
      ],
    );
  }
}
