import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The acceptance window of each submitted application (art. 32): where it counts from, how long it
 * is, when its materials were recorded; and what its workflow was told — the sequence, the
 * application whose window may still be running (until its decision is delivered), the calendar.
 */
export class FollowAcceptanceWindows1765000200000 implements MigrationInterface {
  name = 'FollowAcceptanceWindows1765000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deadline.procedures ADD COLUMN received_on date, ADD COLUMN acceptance_working_days integer,
         ADD COLUMN acceptance_recorded_at timestamptz, ADD COLUMN acceptance_told_sequence integer,
         ADD COLUMN acceptance_open_application integer, ADD COLUMN acceptance_calendar_version_told integer,
         ADD COLUMN acceptance_calendar_last_year_told integer`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deadline.procedures DROP COLUMN received_on, DROP COLUMN acceptance_working_days,
         DROP COLUMN acceptance_recorded_at, DROP COLUMN acceptance_told_sequence,
         DROP COLUMN acceptance_open_application, DROP COLUMN acceptance_calendar_version_told,
         DROP COLUMN acceptance_calendar_last_year_told`,
    );
  }
}
