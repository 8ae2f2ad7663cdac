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
        listed_on date NOT NULL,
        state text NOT NULL,
        suspended_from text,
        version integer NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX projects_filters ON intake.projects (type, state, cluster, chain)`);
    await queryRunner.query(`
      CREATE TABLE intake.project_changes (
        id bigserial PRIMARY KEY,
        project_code text NOT NULL REFERENCES intake.projects (code),
        version integer NOT NULL,
        kind text NOT NULL,
        actor text NOT NULL,
        actor_role text NOT NULL,
        reason text,
        changes jsonb NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX project_changes_by_project ON intake.project_changes (project_code, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE intake.lifecycle_transitions (
        id bigserial PRIMARY KEY,
        project_code text NOT NULL REFERENCES intake.projects (code),
        from_state text NOT NULL,
        to_state text NOT NULL,
        effective_date date NOT NULL,
        actor text NOT NULL,
        reason text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX lifecycle_transitions_by_project ON intake.lifecycle_transitions (project_code, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE intake.procedure_plan_versions (
        project_code text NOT NULL REFERENCES intake.projects (code),
        plan_version integer NOT NULL,
        effective_date date NOT NULL,
        items jsonb NOT NULL,
        actor text NOT NULL,
        reason text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_code, plan_version)
      )`);
    await queryRunner.query(`
      CREATE TABLE intake.procedure_completions (
        project_code text NOT NULL REFERENCES intake.projects (code),
        procedure text NOT NULL,
        completed_on date NOT NULL,
        PRIMARY KEY (project_code, procedure)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.procedure_completions`);
    await queryRunner.query(`DROP TABLE intake.procedure_plan_versions`);
    await queryRunner.query(`DROP TABLE intake.lifecycle_transitions`);
    await queryRunner.query(`DROP TABLE intake.project_changes`);
    await queryRunner.query(`DROP TABLE intake.projects`);
    await queryRunner.query(`DROP SEQUENCE intake.project_code_seq`);
  }
}
