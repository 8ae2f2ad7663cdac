import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: idempotency keys are scoped to the procedure too; late entries (补录) are marked in the
 * audit trail; attempts on procedures the caller cannot see go to a security log instead of the
 * procedure's trail.
 */
export class ScopeKeysAndLogSecurityEvents1764500100000 implements MigrationInterface {
  name = 'ScopeKeysAndLogSecurityEvents1764500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approval.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await queryRunner.query(
      `ALTER TABLE approval.idempotency_keys ADD PRIMARY KEY (caller, procedure_id, idempotency_key)`,
    );
    // {reason, evidence?, helper?, onBehalfOf: {role, department? | enterpriseId? | helper?}}; null for an action recorded in time.
    await queryRunner.query(`ALTER TABLE approval.audit_trail ADD COLUMN late_entry jsonb`);
    await queryRunner.query(`
      CREATE TABLE approval.security_log (
        id bigserial PRIMARY KEY,
        event text NOT NULL,
        procedure_id text NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        actor_role text NOT NULL,
        actor_department text,
        actor_enterprise_id text,
        correlation_id text,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`CREATE INDEX security_log_by_time ON approval.security_log (occurred_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE approval.security_log`);
    await queryRunner.query(`ALTER TABLE approval.audit_trail DROP COLUMN late_entry`);
    await queryRunner.query(`ALTER TABLE approval.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await queryRunner.query(
      `ALTER TABLE approval.idempotency_keys ADD PRIMARY KEY (caller, idempotency_key)`,
    );
  }
}
