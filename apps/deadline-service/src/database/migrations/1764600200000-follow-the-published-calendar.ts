import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each clock was told of the calendar, and the due dates a calendar change moved (told once each). */
export class FollowThePublishedCalendar1764600200000 implements MigrationInterface {
  name = 'FollowThePublishedCalendar1764600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deadline.procedures ADD COLUMN calendar_version_told integer, ADD COLUMN calendar_last_year_told integer`,
    );
    await queryRunner.query(`
      CREATE TABLE deadline.due_date_changes (
        id uuid PRIMARY KEY,
        procedure_id text NOT NULL,
        application_number integer NOT NULL,
        calendar_version integer NOT NULL,
        project_code text NOT NULL,
        department text NOT NULL,
        previous_due_date date,
        previous_provisional boolean NOT NULL,
        due_date date,
        provisional boolean NOT NULL,
        reason text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (procedure_id, application_number, calendar_version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deadline.due_date_changes`);
    await queryRunner.query(
      `ALTER TABLE deadline.procedures DROP COLUMN calendar_last_year_told, DROP COLUMN calendar_version_told`,
    );
  }
}
