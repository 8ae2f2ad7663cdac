import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One standing escalation per (subject, rung): a withdrawn one no longer holds its rung, so the
 * clock can raise it again when a moved due date reaches the rung after all.
 */
export class ReraiseWithdrawnRungs1765000300000 implements MigrationInterface {
  name = 'ReraiseWithdrawnRungs1765000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deadline.escalations DROP CONSTRAINT escalations_once_per_rung`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX escalations_once_per_standing_rung ON deadline.escalations (subject, rung) WHERE status <> 'withdrawn'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deadline.escalations_once_per_standing_rung`);
    await queryRunner.query(
      `ALTER TABLE deadline.escalations ADD CONSTRAINT escalations_once_per_rung UNIQUE (subject, rung)`,
    );
  }
}
