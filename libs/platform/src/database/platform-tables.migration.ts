import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** The outbox and inbox tables every service keeps in its own schema. */
export class CreatePlatformTables1764300000000 implements MigrationInterface {
  name = 'CreatePlatformTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = `"${schemaOf(queryRunner.connection)}"`;
    await queryRunner.query(`
      CREATE TABLE ${schema}.outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_unpublished ON ${schema}.outbox (id) WHERE published_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE ${schema}.processed_events (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = `"${schemaOf(queryRunner.connection)}"`;
    await queryRunner.query(`DROP TABLE ${schema}.processed_events`);
    await queryRunner.query(`DROP TABLE ${schema}.outbox`);
  }
}
