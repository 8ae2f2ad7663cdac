import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppliedChange } from '@banjie/domain';

interface AppliedChangeRow extends AppliedChange {
  procedureId: string;
}

/** The applied changes of procedures, read from the audit trail as the timeline needs them. */
@Injectable()
export class ApplicationHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Each procedure's changes that took effect on or before `asOf`, in the order they were applied
   * (by sequence): one query for all of them. A procedure without any is absent from the map.
   */
  async appliedChanges(procedureIds: readonly string[], asOf: string): Promise<Map<string, AppliedChange[]>> {
    const rows = (await this.dataSource.query(
      `SELECT procedure_id AS "procedureId", action, effective_date::text AS "effectiveDate",
              extension_days AS "extensionDays", excluded_reason AS "excludedReason"
         FROM approval.audit_trail
        WHERE procedure_id = ANY ($1::text[]) AND outcome = 'APPLIED' AND effective_date <= $2::date
        ORDER BY procedure_id, sequence, id`,
      [procedureIds, asOf],
    )) as AppliedChangeRow[];
    const byProcedure = new Map<string, AppliedChange[]>();
    for (const { procedureId, ...change } of rows) {
      const changes = byProcedure.get(procedureId) ?? [];
      changes.push(change);
      byProcedure.set(procedureId, changes);
    }
    return byProcedure;
  }
}
