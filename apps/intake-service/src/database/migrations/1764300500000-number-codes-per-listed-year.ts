import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Project codes carry the year the project entered the list and are numbered per year
 * (`BJ-2023-0001…`, `BJ-2024-0001…`): one counter row per year replaces the single sequence.
 * Each year's counter starts after the highest code already issued for that year, so no code is
 * ever issued twice.
 */
export class NumberCodesPerListedYear1764300500000 implements MigrationInterface {
  name = 'NumberCodesPerListedYear1764300500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.project_code_counters (
        year integer PRIMARY KEY,
        last_number integer NOT NULL CHECK (last_number >= 0)
      )`);
    await queryRunner.query(`
      INSERT INTO intake.project_code_counters (year, last_number)
      SELECT split_part(code, '-', 2)::integer, max(split_part(code, '-', 3)::integer)
        FROM intake.projects
       GROUP BY 1`);
    await queryRunner.query(`DROP SEQUENCE intake.project_code_seq`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ next }] = (await queryRunner.query(
      `SELECT coalesce(max(last_number), 0) + 1 AS next FROM intake.project_code_counters`,
    )) as [{ next: number }];
    await queryRunner.query(`CREATE SEQUENCE intake.project_code_seq START WITH ${Number(next)}`);
    await queryRunner.query(`DROP TABLE intake.project_code_counters`);
  }
}
