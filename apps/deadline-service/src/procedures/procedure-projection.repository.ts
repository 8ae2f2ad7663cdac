import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProcedureStatus } from '@banjie/contracts';
import { APPLICATION_END_STATUSES, CLOCK_STATUSES } from '@banjie/domain';
import type { Tx } from '@banjie/platform';
import type { ProcedureForTarget } from '@banjie/workflows';
import type {
  AcceptanceWindowRow,
  ReceivedMaterials,
  WindowTold,
} from '../acceptance/acceptance-window-news';
import type { ProjectedProcedure } from './procedure-projection';

const COLUMNS = `procedure_id AS "procedureId", project_code AS "projectCode", procedure, department, status, sequence,
  effective_date::text AS "effectiveDate",
  application_number AS "applicationNumber", committed_working_days AS "committedWorkingDays",
  extension_working_days AS "extensionWorkingDays", accepted_on::text AS "acceptedOn", pauses, due_date::text AS "dueDate",
  target_date::text AS "targetDate", completed_on::text AS "completedOn", helpers`;

const WINDOW_COLUMNS = `procedure_id AS "procedureId", project_code AS "projectCode", department, status, sequence,
  effective_date::text AS "effectiveDate", application_number AS "applicationNumber", received_on::text AS "receivedOn",
  acceptance_working_days AS "acceptanceWorkingDays", acceptance_recorded_at AS "recordedAt",
  acceptance_open_application AS "openApplication"`;

/** What Temporal's acceptance window workflow of a stored procedure was told, as the upsert left it. */
export interface StoredWindow {
  /** When the current materials were first recorded (kept while the same materials are news again). */
  recordedAt: Date;
  /** The application whose window workflow may still run (its decision not delivered yet). */
  openApplication: number | null;
}

/** A submitted application's window, with whether its workflow heard the current sequence and which calendar it was given. */
export type OpenWindow = AcceptanceWindowRow & {
  told: boolean;
  calendarVersionTold: number | null;
  calendarLastYearTold: number | null;
};

export type OpenClock = ProjectedProcedure & {
  told: boolean;
  calendarVersionTold: number | null;
  calendarLastYearTold: number | null;
};

/** The deadline service's own projection of every procedure: the reconciler's and the quarter target's source of truth. */
@Injectable()
export class ProcedureProjectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Newer facts win: returns null (and changes nothing) for a snapshot not newer than the stored
   * one. `materials` are its acceptance window's: the instant they were recorded is kept while
   * they stay the same (same application, same day of receipt).
   */
  async upsert(tx: Tx, p: ProjectedProcedure, materials: ReceivedMaterials): Promise<StoredWindow | null> {
    const rows: StoredWindow[] = await tx.query(
      `INSERT INTO deadline.procedures (procedure_id, project_code, procedure, department, status, sequence, application_number,
         committed_working_days, extension_working_days, accepted_on, pauses, due_date, target_date, completed_on, helpers, effective_date,
         opened_on, received_on, acceptance_working_days, acceptance_recorded_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::date, LEAST($16::date, $10::date, $14::date),
               $17, $18, $19, now())
       ON CONFLICT (procedure_id) DO UPDATE SET project_code = EXCLUDED.project_code, procedure = EXCLUDED.procedure,
         department = EXCLUDED.department, status = EXCLUDED.status, sequence = EXCLUDED.sequence,
         application_number = EXCLUDED.application_number, committed_working_days = EXCLUDED.committed_working_days,
         extension_working_days = EXCLUDED.extension_working_days, accepted_on = EXCLUDED.accepted_on, pauses = EXCLUDED.pauses,
         due_date = EXCLUDED.due_date, target_date = EXCLUDED.target_date, completed_on = EXCLUDED.completed_on,
         helpers = EXCLUDED.helpers, effective_date = EXCLUDED.effective_date, updated_at = now(),
         -- the first day the procedure is known to have existed (null for rows from before it was recorded)
         opened_on = CASE WHEN procedures.opened_on IS NULL THEN NULL ELSE LEAST(procedures.opened_on, EXCLUDED.opened_on) END,
         received_on = EXCLUDED.received_on, acceptance_working_days = EXCLUDED.acceptance_working_days,
         acceptance_recorded_at = CASE
           WHEN procedures.application_number = EXCLUDED.application_number AND procedures.received_on = EXCLUDED.received_on
             AND procedures.acceptance_recorded_at IS NOT NULL
           THEN LEAST(procedures.acceptance_recorded_at, EXCLUDED.acceptance_recorded_at)
           ELSE EXCLUDED.acceptance_recorded_at END
       WHERE procedures.sequence < EXCLUDED.sequence
       RETURNING acceptance_recorded_at AS "recordedAt", acceptance_open_application AS "openApplication"`,
      [
        p.procedureId,
        p.projectCode,
        p.procedure,
        p.department,
        p.status,
        p.sequence,
        p.applicationNumber,
        p.committedWorkingDays,
        p.extensionWorkingDays,
        p.acceptedOn,
        JSON.stringify(p.pauses),
        p.dueDate,
        p.targetDate,
        p.completedOn,
        JSON.stringify(p.helpers),
        p.effectiveDate,
        materials.receivedOn,
        materials.acceptanceWorkingDays,
        materials.recordedAt,
      ],
    );
    return rows[0] ?? null;
  }

  /** Temporal has been told about these snapshots (a procedure's row only if its sequence is still the stored one). */
  async markClocksSynced(
    tx: Tx,
    told: Pick<ProjectedProcedure, 'procedureId' | 'sequence'>[],
  ): Promise<void> {
    if (told.length === 0) return;
    await tx.query(
      `UPDATE deadline.procedures p SET clock_synced_sequence = t.sequence
         FROM unnest($1::text[], $2::int[]) AS t(procedure_id, sequence)
        WHERE p.procedure_id = t.procedure_id AND p.sequence = t.sequence`,
      [told.map((p) => p.procedureId), told.map((p) => p.sequence)],
    );
  }

  /** Outside a transaction: Temporal has been told about this snapshot. */
  markClockSynced(told: Pick<ProjectedProcedure, 'procedureId' | 'sequence'>): Promise<void> {
    return this.markClocksSynced(this.dataSource.manager, [told]);
  }

  /**
   * Accepted applications whose clock runs or is paused, with whether Temporal was told their
   * current sequence, and which calendar (version, last year) their workflow was last given.
   */
  openClocks(tx: Tx = this.dataSource.manager): Promise<OpenClock[]> {
    return tx.query(
      `SELECT ${COLUMNS}, clock_synced_sequence IS NOT DISTINCT FROM sequence AS told,
              calendar_version_told AS "calendarVersionTold", calendar_last_year_told AS "calendarLastYearTold"
         FROM deadline.procedures
        WHERE status = ANY($1::text[]) AND accepted_on IS NOT NULL ORDER BY procedure_id`,
      [CLOCK_STATUSES],
    );
  }

  /** The clock's workflow was given this calendar version, covering up to `lastYear`. */
  async markCalendarTold(procedureId: string, version: number, lastYear: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE deadline.procedures SET calendar_version_told = $2, calendar_last_year_told = $3 WHERE procedure_id = $1`,
      [procedureId, version, lastYear],
    );
  }

  /** What the acceptance window workflows were told: the sequence, and the application whose window runs on (null: none). */
  async markWindowsTold(tx: Tx, told: readonly WindowTold[]): Promise<void> {
    if (told.length === 0) return;
    await tx.query(
      `UPDATE deadline.procedures p SET acceptance_told_sequence = t.sequence, acceptance_open_application = t.open
         FROM unnest($1::text[], $2::int[], $3::int[]) AS t(procedure_id, sequence, open)
        WHERE p.procedure_id = t.procedure_id`,
      [told.map((t) => t.procedureId), told.map((t) => t.sequence), told.map((t) => t.openApplication)],
    );
  }

  /** Outside a transaction: what one window workflow was told. */
  markWindowTold(told: WindowTold): Promise<void> {
    return this.markWindowsTold(this.dataSource.manager, [told]);
  }

  /** Submitted applications (their acceptance window open or waiting for the supplement), for the reconciler and the calendar. */
  openWindows(): Promise<OpenWindow[]> {
    return this.dataSource.query(
      `SELECT ${WINDOW_COLUMNS}, acceptance_told_sequence IS NOT DISTINCT FROM sequence AS told,
              acceptance_calendar_version_told AS "calendarVersionTold",
              acceptance_calendar_last_year_told AS "calendarLastYearTold"
         FROM deadline.procedures
        WHERE status = $1 AND acceptance_recorded_at IS NOT NULL ORDER BY procedure_id`,
      [ProcedureStatus.SUBMITTED],
    );
  }

  /** Procedures decided since their window workflow was started, whose decision that workflow has not heard. */
  undecidedWindows(): Promise<AcceptanceWindowRow[]> {
    return this.dataSource.query(
      `SELECT ${WINDOW_COLUMNS} FROM deadline.procedures
        WHERE status <> $1 AND acceptance_open_application IS NOT NULL ORDER BY procedure_id`,
      [ProcedureStatus.SUBMITTED],
    );
  }

  /** The window's workflow was given this calendar version, covering up to `lastYear`. */
  async markWindowCalendarTold(procedureId: string, version: number, lastYear: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE deadline.procedures SET acceptance_calendar_version_told = $2, acceptance_calendar_last_year_told = $3
        WHERE procedure_id = $1`,
      [procedureId, version, lastYear],
    );
  }

  /** Ended applications that had a clock, whose ending Temporal may not have heard of. */
  unsyncedEndings(): Promise<ProjectedProcedure[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM deadline.procedures
        WHERE status = ANY($1::text[]) AND accepted_on IS NOT NULL
          AND clock_synced_sequence IS DISTINCT FROM sequence ORDER BY procedure_id`,
      [APPLICATION_END_STATUSES],
    );
  }

  /**
   * Every procedure of the projects still on the key-project list (or not yet known to the
   * directory), with the day its project was listed and the day it first existed (null: unknown).
   */
  onTheList(): Promise<ProcedureForTarget[]> {
    return this.dataSource.query(
      `SELECT procedure_id AS "procedureId", project_code AS "projectCode", department, status,
              accepted_on::text AS "acceptedOn", due_date::text AS "dueDate", target_date::text AS "targetDate",
              completed_on::text AS "completedOn", opened_on::text AS "openedOn", d.listed_on::text AS "listedOn"
         FROM deadline.procedures
         LEFT JOIN deadline.project_directory d ON d.code = procedures.project_code
        WHERE d.state IS NULL OR d.state NOT IN ('CANCELLED', 'REMOVED')`,
    );
  }

  async find(procedureId: string): Promise<ProjectedProcedure | undefined> {
    const [row]: ProjectedProcedure[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM deadline.procedures WHERE procedure_id = $1`,
      [procedureId],
    );
    return row;
  }
}
