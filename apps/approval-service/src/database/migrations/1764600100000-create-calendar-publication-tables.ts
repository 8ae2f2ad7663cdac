import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The calendar the approval service owns and publishes: published years and every version (the audit trail). */
export class CreateCalendarPublicationTables1764600100000 implements MigrationInterface {
  name = 'CreateCalendarPublicationTables1764600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE approval.calendar_versions (
        version integer PRIMARY KEY CHECK (version > 0),
        change jsonb NOT NULL,
        changed_by text NOT NULL,
        reason text,
        package_fingerprint text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE approval.calendar_years (
        year integer PRIMARY KEY,
        reference text NOT NULL CHECK (reference <> ''),
        holidays jsonb NOT NULL,
        working_days jsonb NOT NULL,
        version integer NOT NULL REFERENCES approval.calendar_versions (version) DEFERRABLE INITIALLY DEFERRED,
        published_by text NOT NULL,
        reason text,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `ALTER TABLE approval.calendar_overrides ADD COLUMN version integer REFERENCES approval.calendar_versions (version) DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approval.calendar_overrides DROP COLUMN version`);
    await queryRunner.query(`DROP TABLE approval.calendar_years`);
    await queryRunner.query(`DROP TABLE approval.calendar_versions`);
  }
}
