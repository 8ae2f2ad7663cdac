import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day each project was put on the key-project list (from `intake.project.v1`) and the day each
 * procedure first existed, so a quarter's reading as of a day counts only what existed by then.
 * Rows from before stay null: unknown, and counted as before.
 */
export class CountByListingDay1764900000000 implements MigrationInterface {
  name = 'CountByListingDay1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deadline.project_directory ADD COLUMN listed_on date`);
    await queryRunner.query(`ALTER TABLE deadline.procedures ADD COLUMN opened_on date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deadline.procedures DROP COLUMN opened_on`);
    await queryRunner.query(`ALTER TABLE deadline.project_directory DROP COLUMN listed_on`);
  }
}
