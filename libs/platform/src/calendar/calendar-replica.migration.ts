import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '../database/schema-of';

/** The copy of the published working-day calendar that a consuming service keeps in its own schema (one row). */
export class CreateCalendarReplicaTable1764600000000 implements MigrationInterface {
  name = 'CreateCalendarReplicaTable1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = `"${schemaOf(queryRunner.connection)}"`;
    await queryRunner.query(`
      CREATE TABLE ${schema}.calendar_definition (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version integer NOT NULL,
        definition jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner.connection)}".calendar_definition`);
  }
}
