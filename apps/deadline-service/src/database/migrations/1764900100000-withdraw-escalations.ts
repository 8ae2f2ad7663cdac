import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An escalation whose procedure turns out to have been completed in time is withdrawn (status `withdrawn`): when and why. */
export class WithdrawEscalations1764900100000 implements MigrationInterface {
  name = 'WithdrawEscalations1764900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deadline.escalations ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_reason text`,
    );
    await queryRunner.query(
      `CREATE INDEX escalations_by_subject_standing ON deadline.escalations (subject) WHERE status <> 'withdrawn'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deadline.escalations_by_subject_standing`);
    await queryRunner.query(
      `ALTER TABLE deadline.escalations DROP COLUMN withdrawn_reason, DROP COLUMN withdrawn_at`,
    );
  }
}
