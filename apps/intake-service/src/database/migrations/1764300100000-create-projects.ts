import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjects1764300100000 implements MigrationInterface {
  name = 'CreateProjects1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE intake.project_code_seq`);
    await queryRunner.query(`
      CREATE TABLE intake.projects (
        code text PRIMARY KEY,
        name text NOT NULL,
        owner_enterprise_id text NOT NULL,
        owner_enterprise_name text NOT NULL,
        total_investment numeric(16, 4) NOT NULL,
        cluster text NOT NULL,
        chain text NOT NULL,
        type text NOT NULL,
        location text NOT NULL,
        planned_start date NOT NULL,
        responsible_unit text NOT NULL,
        helpers jsonb NOT NULL,
        leading_official text NOT NULL,
        state text NOT NULL,
        suspended_from text,
        version integer NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.projects`);
    await queryRunner.query(`DROP SEQUENCE intake.project_code_seq`);
  }
}
