import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Procedure outcomes from the approval service: approvals (办结) as before, and procedures the
 * approval service marked not applicable or already held, which leave the completion rate's
 * terms. The sequence watermark lets stale or redelivered events change nothing.
 */
export class TrackApprovalOutcomes1764300400000 implements MigrationInterface {
  name = 'TrackApprovalOutcomes1764300400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE intake.procedure_completions
        ADD COLUMN outcome text NOT NULL DEFAULT 'APPROVED' CHECK (outcome IN ('APPROVED', 'NOT_APPLICABLE', 'ALREADY_HELD'))`);
    await queryRunner.query(`
      CREATE TABLE intake.approval_procedure_sequences (
        project_code text NOT NULL REFERENCES intake.projects (code),
        procedure text NOT NULL,
        sequence integer NOT NULL,
        PRIMARY KEY (project_code, procedure)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.approval_procedure_sequences`);
    await queryRunner.query(`ALTER TABLE intake.procedure_completions DROP COLUMN outcome`);
  }
}
