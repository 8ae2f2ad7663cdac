import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications projected as SUBMITTED before acceptance windows were followed get one, so the
 * reconciler starts their workflows instead of waiting for news that may never come. Before this
 * release nothing could happen to a submission short of its decision, so the day of its last change
 * is its submission day (or a later replan: the window then counts from that later day, never
 * earlier); the window is the catalogue's five working days (plans could not override it yet).
 */
export class BackfillAcceptanceWindows1765000400000 implements MigrationInterface {
  name = 'BackfillAcceptanceWindows1765000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE deadline.procedures
          SET received_on = effective_date, acceptance_working_days = 5, acceptance_recorded_at = updated_at
        WHERE status = 'SUBMITTED' AND acceptance_recorded_at IS NULL`,
    );
  }

  async down(): Promise<void> {
    // The backfilled facts are what the next news would have brought: nothing to undo.
  }
}
