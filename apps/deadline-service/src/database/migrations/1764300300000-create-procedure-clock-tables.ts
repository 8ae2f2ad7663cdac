import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procedure projection (from the approval events; the reconciler's source of truth), the
 * reminder ledger, richer escalations (who, what is due, acknowledgement follow-ups) and the
 * quarter target's checkpoints and final results.
 */
export class CreateProcedureClockTables1764300300000 implements MigrationInterface {
  name = 'CreateProcedureClockTables1764300300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deadline.procedures (
        procedure_id text PRIMARY KEY,
        project_code text NOT NULL,
        procedure text NOT NULL,
        department text NOT NULL,
        status text NOT NULL,
        sequence integer NOT NULL,
        effective_date date NOT NULL,
        application_number integer NOT NULL,
        committed_working_days integer,
        extension_working_days integer NOT NULL DEFAULT 0,
        accepted_on date,
        pauses jsonb NOT NULL DEFAULT '[]',
        due_date date,
        target_date date,
        completed_on date,
        helpers jsonb NOT NULL DEFAULT '[]',
        -- The sequence Temporal was last told about; the reconciler re-drives rows where it lags.
        clock_synced_sequence integer,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX procedures_open_clocks ON deadline.procedures (status) WHERE status IN ('ACCEPTED', 'SUPPLEMENT_REQUESTED')`,
    );
    await queryRunner.query(`CREATE INDEX procedures_by_project ON deadline.procedures (project_code)`);
    await queryRunner.query(`
      CREATE TABLE deadline.reminders (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        rung text NOT NULL,
        project_code text NOT NULL,
        procedure_id text NOT NULL,
        application_number integer NOT NULL,
        department text NOT NULL,
        due_date date NOT NULL,
        remaining_working_days integer NOT NULL,
        recipients jsonb NOT NULL,
        reason text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminders_once_per_rung UNIQUE (subject, rung)
      )`);
    await queryRunner.query(`
      ALTER TABLE deadline.escalations
        ADD COLUMN application_number integer,
        ADD COLUMN department text,
        ADD COLUMN due_date date,
        ADD COLUMN recipients jsonb NOT NULL DEFAULT '[{"kind":"SUPERVISORS"}]',
        ADD COLUMN at_risk jsonb,
        ADD COLUMN follow_up_of uuid REFERENCES deadline.escalations (id)`);
    await queryRunner.query(
      `CREATE INDEX escalations_open ON deadline.escalations (raised_at) WHERE status = 'open'`,
    );
    await queryRunner.query(`
      CREATE TABLE deadline.quarter_checkpoints (
        quarter text NOT NULL,
        as_of date NOT NULL,
        reading jsonb NOT NULL,
        escalated boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (quarter, as_of)
      )`);
    await queryRunner.query(`
      CREATE TABLE deadline.quarter_results (
        quarter text PRIMARY KEY,
        reading jsonb NOT NULL,
        concluded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deadline.quarter_results`);
    await queryRunner.query(`DROP TABLE deadline.quarter_checkpoints`);
    await queryRunner.query(`DROP INDEX deadline.escalations_open`);
    await queryRunner.query(`
      ALTER TABLE deadline.escalations
        DROP COLUMN follow_up_of, DROP COLUMN at_risk, DROP COLUMN recipients, DROP COLUMN due_date,
        DROP COLUMN department, DROP COLUMN application_number`);
    await queryRunner.query(`DROP TABLE deadline.reminders`);
    await queryRunner.query(`DROP TABLE deadline.procedures`);
  }
}
