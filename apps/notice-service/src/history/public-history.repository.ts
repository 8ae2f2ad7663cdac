import { Injectable } from '@nestjs/common';
import type { LocalDate } from '@banjie/domain';
import type { Tx } from '@banjie/platform';
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
@Injectable()
export class PublicHistoryRepository {
  async recordProject(tx: Tx, event: RecordedEvent, entry: ProjectHistoryEntry): Promise<void> {
    await tx.query(
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

  async recordProcedure(tx: Tx, event: RecordedEvent, entry: ProcedureHistoryEntry): Promise<void> {
    await tx.query(
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
  async projects(tx: Tx, scope: ProjectScope, asOf: LocalDate): Promise<Map<string, ProjectHistoryEntry[]>> {
    const rows: HistoryRow<ProjectFacts>[] = await tx.query(
      `SELECT project_code AS "projectCode", revision AS rank, to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate", facts
         FROM notice.project_history
        WHERE effective_date <= $1 AND ($2::text[] IS NULL OR project_code = ANY($2::text[]))`,
      [asOf, scopeParameter(scope)],
    );
    return groupBy(rows, (row) => ({
      revision: row.rank,
      effectiveDate: row.effectiveDate,
      facts: row.facts,
    }));
  }

  /**
   * Each project's procedure snapshots that decide `asOf`, by project code: per procedure the one
   * with the highest sequence in effect by then. The older ones could not change a card, and
   * decoding them was most of a rebuild's reading.
   */
  async procedures(
    tx: Tx,
    scope: ProjectScope,
    asOf: LocalDate,
  ): Promise<Map<string, ProcedureHistoryEntry[]>> {
    const rows: HistoryRow<ProcedureFacts>[] = await tx.query(
      `SELECT project_code AS "projectCode", sequence AS rank, to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate", facts
         FROM notice.procedure_history snapshot
        WHERE effective_date <= $1 AND ($2::text[] IS NULL OR project_code = ANY($2::text[]))
          AND NOT EXISTS (SELECT FROM notice.procedure_history later
                           WHERE later.procedure_id = snapshot.procedure_id AND later.sequence > snapshot.sequence AND later.effective_date <= $1)`,
      [asOf, scopeParameter(scope)],
    );
    return groupBy(rows, (row) => ({
      sequence: row.rank,
      effectiveDate: row.effectiveDate,
      facts: row.facts,
    }));
  }
}

const scopeParameter = (scope: ProjectScope): readonly string[] | null => (scope === 'all' ? null : scope);

interface HistoryRow<F> {
  projectCode: string;
  rank: number;
  effectiveDate: LocalDate;
  facts: F;
}

/** Entries by project code. */
function groupBy<F, V>(rows: readonly HistoryRow<F>[], valueOf: (row: HistoryRow<F>) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = row.projectCode;
    const group = groups.get(key);
    if (group) group.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}
