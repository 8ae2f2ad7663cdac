import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks: one delivery per (event, URL) — the exact signed body, its state and its retry
 * schedule — and the log of every attempt (when, how long, the receiver's status or the error).
 */
export class CreateWebhookTables1764300400000 implements MigrationInterface {
  name = 'CreateWebhookTables1764300400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deadline.webhook_deliveries (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        url text NOT NULL,
        -- Sent byte for byte on every attempt, so a receiver sees the same body (and event id) on a duplicate.
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        CONSTRAINT webhook_deliveries_once_per_url UNIQUE (event_id, url)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due ON deadline.webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE deadline.webhook_delivery_attempts (
        delivery_id uuid NOT NULL REFERENCES deadline.webhook_deliveries (id),
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deadline.webhook_delivery_attempts`);
    await queryRunner.query(`DROP TABLE deadline.webhook_deliveries`);
  }
}
