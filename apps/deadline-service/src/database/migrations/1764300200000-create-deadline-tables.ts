import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeadlineTables1764300200000 implements MigrationInterface {
  name = 'CreateDeadlineTables1764300200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deadline.project_directory (
        code text PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL,
        chain text NOT NULL,
        state text NOT NULL,
        planned_start date NOT NULL,
        helpers jsonb NOT NULL,
        leading_official text NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE deadline.escalations (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        rung text NOT NULL,
        project_code text NOT NULL,
        procedure_id text,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        raised_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by text,
        acknowledged_at timestamptz,
        CONSTRAINT escalations_once_per_rung UNIQUE (subject, rung)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deadline.escalations`);
    await queryRunner.query(`DROP TABLE deadline.project_directory`);
  }
}
