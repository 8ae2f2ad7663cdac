import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@banjie/domain';
import type {
  ProcedureFacts,
  ProcedureHistoryEntry,
  ProjectFacts,
  ProjectHistoryEntry,
} from './public-facts';

/** Which projects to load: some, or all of them. */
export type ProjectScope = readonly string[] | 'all';

export interface RecordedEvent {
  eventId: string;
  type: string;
  occurredAt: string;
}

/**
 * The notice service's event store: the whitelisted public facts of every project and procedure
 * event, with the day each took effect. A replayed snapshot (same revision or sequence under a
 * new event id) is kept once.
 */
export class PublicHistoryRepository {
  async recordProject(
    manager: EntityManager,
    event: RecordedEvent,
    entry: ProjectHistoryEntry,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notice.project_history (event_id, project_code, revision, effective_date, event_type, occurred_at, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        event.eventId,
        entry.facts.code,
        entry.revision,
        entry.effectiveDate,
        event.type,
        event.occurredAt,
        JSON.stringify(entry.facts),
      ],
    );
  }

  async recordProcedure(
    manager: EntityManager,
    event: RecordedEvent,
    entry: ProcedureHistoryEntry,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notice.procedure_history (event_id, procedure_id, project_code, sequence, effective_date, event_type, occurred_at, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        event.eventId,
        entry.facts.procedureId,
        entry.facts.projectCode,
        entry.sequence,
        entry.effectiveDate,
        event.type,
        event.occurredAt,
        JSON.stringify(entry.facts),
      ],
    );
  }

  /** Each project's snapshots in effect by `asOf`, by project code. */
  async projects(
    manager: EntityManager,
    scope: ProjectScope,
    asOf: LocalDate,
  ): Promise<Map<string, ProjectHistoryEntry[]>> {
    const rows: HistoryRow<ProjectFacts>[] = await manager.query(
      `SELECT project_code, revision AS rank, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, facts
         FROM notice.project_history
        WHERE effective_date <= $1 AND ($2::text[] IS NULL OR project_code = ANY($2::text[]))`,
      [asOf, scopeParameter(scope)],
    );
    return groupBy(rows, (row) => ({
      revision: row.rank,
      effectiveDate: row.effective_date as LocalDate,
      facts: row.facts,
    }));
  }

  /**
   * Each project's procedure snapshots that decide `asOf`, by project code: per procedure the one
   * with the highest sequence in effect by then. The older ones could not change a card, and
   * decoding them was most of a rebuild's reading.
   */
  async procedures(
    manager: EntityManager,
    scope: ProjectScope,
    asOf: LocalDate,
  ): Promise<Map<string, ProcedureHistoryEntry[]>> {
    const rows: HistoryRow<ProcedureFacts>[] = await manager.query(
      `SELECT project_code, sequence AS rank, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, facts
         FROM notice.procedure_history snapshot
        WHERE effective_date <= $1 AND ($2::text[] IS NULL OR project_code = ANY($2::text[]))
          AND NOT EXISTS (SELECT FROM notice.procedure_history later
                           WHERE later.procedure_id = snapshot.procedure_id AND later.sequence > snapshot.sequence AND later.effective_date <= $1)`,
      [asOf, scopeParameter(scope)],
    );
    return groupBy(rows, (row) => ({
      sequence: row.rank,
      effectiveDate: row.effective_date as LocalDate,
      facts: row.facts,
    }));
  }
}

const scopeParameter = (scope: ProjectScope): readonly string[] | null => (scope === 'all' ? null : scope);

interface HistoryRow<F> {
  project_code: string;
  rank: number;
  effective_date: string;
  facts: F;
}

/** Entries by project code. */
function groupBy<F, V>(rows: readonly HistoryRow<F>[], valueOf: (row: HistoryRow<F>) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = row.project_code;
    const group = groups.get(key);
    if (group) group.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}
