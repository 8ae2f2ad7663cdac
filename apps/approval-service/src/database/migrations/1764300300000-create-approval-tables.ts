import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApprovalTables1764300300000 implements MigrationInterface {
  name = 'CreateApprovalTables1764300300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Who may act for each project (from intake's events); version 0 = known from a plan event only.
    await queryRunner.query(`
      CREATE TABLE approval.projects (
        code text PRIMARY KEY,
        owner_enterprise_id text NOT NULL,
        helper_logins text[] NOT NULL DEFAULT '{}',
        project_version integer NOT NULL DEFAULT 0,
        plan_version integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE approval.procedures (
        procedure_id text PRIMARY KEY,
        project_code text NOT NULL REFERENCES approval.projects (code),
        procedure text NOT NULL,
        department text NOT NULL,
        status text NOT NULL,
        sequence integer NOT NULL CHECK (sequence > 0),
        effective_date date NOT NULL,
        application_number integer NOT NULL DEFAULT 0,
        extensions_used integer NOT NULL DEFAULT 0,
        plan_applicability text NOT NULL,
        planned_working_days integer,
        committed_working_days integer,
        extension_working_days integer NOT NULL DEFAULT 0,
        submitted_on date,
        accepted_on date,
        pauses jsonb NOT NULL DEFAULT '[]',
        baseline_date date,
        target_date date,
        completed_on date,
        document_number text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_code, procedure)
      )`);
    await queryRunner.query(
      `CREATE INDEX procedures_by_department ON approval.procedures (department, status)`,
    );
    await queryRunner.query(`CREATE INDEX procedures_by_status ON approval.procedures (status)`);
    await queryRunner.query(`
      CREATE TABLE approval.audit_trail (
        id bigserial PRIMARY KEY,
        procedure_id text NOT NULL,
        project_code text NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('APPLIED', 'DENIED', 'REJECTED')),
        actor text NOT NULL,
        actor_role text NOT NULL,
        actor_department text,
        actor_enterprise_id text,
        from_status text,
        to_status text,
        sequence integer,
        reason text,
        supplement_reason text,
        note text,
        document_number text,
        extension_days integer,
        effective_date date,
        refusal_code text,
        refusal_message text,
        idempotency_key text,
        correlation_id text,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_trail_by_procedure ON approval.audit_trail (procedure_id, id)`,
    );
    await queryRunner.query(`CREATE INDEX audit_trail_by_project ON approval.audit_trail (project_code, id)`);
    // The trail is evidence: the database itself refuses to change or remove a row.
    await queryRunner.query(`
      CREATE FUNCTION approval.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'approval.audit_trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON approval.audit_trail
      FOR EACH ROW EXECUTE FUNCTION approval.refuse_audit_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON approval.audit_trail
      FOR EACH STATEMENT EXECUTE FUNCTION approval.refuse_audit_change()`);
    await queryRunner.query(`
      CREATE TABLE approval.idempotency_keys (
        caller text NOT NULL,
        idempotency_key text NOT NULL,
        fingerprint text NOT NULL,
        procedure_id text NOT NULL,
        action text NOT NULL,
        status_code integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, idempotency_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE approval.calendar_overrides (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('WORKING', 'REST')),
        note text NOT NULL CHECK (note <> ''),
        recorded_by text NOT NULL DEFAULT 'sql',
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE approval.calendar_overrides`);
    await queryRunner.query(`DROP TABLE approval.idempotency_keys`);
    await queryRunner.query(`DROP TABLE approval.audit_trail`);
    await queryRunner.query(`DROP FUNCTION approval.refuse_audit_change()`);
    await queryRunner.query(`DROP TABLE approval.procedures`);
    await queryRunner.query(`DROP TABLE approval.projects`);
  }
}
