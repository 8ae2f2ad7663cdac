import { Injectable, Logger } from '@nestjs/common';
import type { PublicProcedureFields } from '@banjie/contracts';
import type { Tx } from '@banjie/platform';
import { outcomeOf } from './procedure-outcome';

/** Keeps `intake.procedure_completions` equal to the approval service's latest word on each procedure. */
@Injectable()
export class ProcedureCompletionsRepository {
  private readonly logger = new Logger(ProcedureCompletionsRepository.name);

  /**
   * Records the procedure's snapshot if it is newer than the last one seen (by sequence): an
   * approval, or a marking as not applicable / already held, is kept with its day; any other
   * status removes the row (today only a plan putting a not-applicable or held procedure back
   * to work does that: approval is final). Procedures of projects this service does not list
   * are not its business and are skipped.
   */
  async record(tx: Tx, snapshot: PublicProcedureFields): Promise<void> {
    const listed = (await tx.query(`SELECT 1 FROM intake.projects WHERE code = $1`, [
      snapshot.projectCode,
    ])) as unknown[];
    if (listed.length === 0) {
      this.logger.warn(
        `${snapshot.procedureId}: project ${snapshot.projectCode} is not on the list here; event skipped`,
      );
      return;
    }
    const advanced = (await tx.query(
      `INSERT INTO intake.approval_procedure_sequences (project_code, procedure, sequence) VALUES ($1, $2, $3)
       ON CONFLICT (project_code, procedure) DO UPDATE SET sequence = EXCLUDED.sequence
       WHERE approval_procedure_sequences.sequence < EXCLUDED.sequence
       RETURNING sequence`,
      [snapshot.projectCode, snapshot.procedure, snapshot.sequence],
    )) as unknown[];
    if (advanced.length === 0) return;
    const outcome = outcomeOf(snapshot.status);
    if (outcome === null) {
      await tx.query(`DELETE FROM intake.procedure_completions WHERE project_code = $1 AND procedure = $2`, [
        snapshot.projectCode,
        snapshot.procedure,
      ]);
      return;
    }
    await tx.query(
      `INSERT INTO intake.procedure_completions (project_code, procedure, completed_on, outcome) VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_code, procedure) DO UPDATE SET completed_on = EXCLUDED.completed_on, outcome = EXCLUDED.outcome`,
      [snapshot.projectCode, snapshot.procedure, snapshot.completedOn ?? snapshot.effectiveDate, outcome],
    );
  }
}
