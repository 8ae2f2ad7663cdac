import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notice service keeps the public parts of the events it consumed (its event store, from
 * which every board — today's or any past day's — is computed), the current public cards, and
 * the feed of card changes that SSE clients resume from.
 */
export class CreateNoticeTables1764300500000 implements MigrationInterface {
  name = 'CreateNoticeTables1764300500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notice.project_history (
        event_id uuid PRIMARY KEY,
        project_code text NOT NULL,
        revision integer NOT NULL,
        effective_date date NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        facts jsonb NOT NULL,
        UNIQUE (project_code, revision)
      )`);
    await queryRunner.query(`
      CREATE TABLE notice.procedure_history (
        event_id uuid PRIMARY KEY,
        procedure_id text NOT NULL,
        project_code text NOT NULL,
        sequence integer NOT NULL,
        effective_date date NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        facts jsonb NOT NULL,
        UNIQUE (procedure_id, sequence)
      )`);
    await queryRunner.query(
      `CREATE INDEX procedure_history_by_project ON notice.procedure_history (project_code, effective_date)`,
    );
    await queryRunner.query(
      `CREATE INDEX project_history_by_date ON notice.project_history (effective_date)`,
    );
    await queryRunner.query(`
      CREATE TABLE notice.cards (
        code text PRIMARY KEY,
        version integer NOT NULL,
        card jsonb NOT NULL,
        card_hash text NOT NULL,
        on_list boolean NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE notice.board_changes (
        id bigserial PRIMARY KEY,
        project_code text NOT NULL,
        card_version integer NOT NULL,
        cause text NOT NULL,
        as_of date NOT NULL,
        card jsonb NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX board_changes_by_time ON notice.board_changes (changed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notice.board_changes`);
    await queryRunner.query(`DROP TABLE notice.cards`);
    await queryRunner.query(`DROP TABLE notice.procedure_history`);
    await queryRunner.query(`DROP TABLE notice.project_history`);
  }
}
