import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, whose clock: the delay report groups procedures by their project's industrial chain
 * and names projects, so the directory keeps both from intake's project events (null until the
 * project's next event for a project known before; the report groups those under NO_CHAIN).
 */
export class RecordProjectChain1764700300000 implements MigrationInterface {
  name = 'RecordProjectChain1764700300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE approval.projects ADD COLUMN chain text NULL, ADD COLUMN name text NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approval.projects DROP COLUMN name, DROP COLUMN chain`);
  }
}
