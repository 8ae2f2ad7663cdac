import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: the acceptance clock (受理时限, art. 32). A procedure carries its acceptance window in
 * working days (the catalogue's or the plan's), the supplement asked for before acceptance of the
 * current submission (一次性告知: {from, to, supplementReason}), and whether the current application
 * was deemed accepted; a pause in `pauses` may now carry an `excludedReason` (art. 45), and the
 * audit trail records it (public, like a supplement reason).
 */
export class AddAcceptanceWindow1764700100000 implements MigrationInterface {
  name = 'AddAcceptanceWindow1764700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE approval.procedures
        ADD COLUMN acceptance_working_days int NOT NULL DEFAULT 5,
        ADD COLUMN pre_acceptance_supplement jsonb NULL,
        ADD COLUMN deemed_accepted boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE approval.audit_trail ADD COLUMN excluded_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approval.audit_trail DROP COLUMN excluded_reason`);
    await queryRunner.query(`
      ALTER TABLE approval.procedures
        DROP COLUMN deemed_accepted,
        DROP COLUMN pre_acceptance_supplement,
        DROP COLUMN acceptance_working_days`);
  }
}
