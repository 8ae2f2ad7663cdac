import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { deadLetterTopic, Topics } from '@banjie/contracts';
import { eventually, requiredEnv, startTestStack, tokenFor, type TestStack } from '@banjie/testing';
import { startWatchStatusQuery, startWatchWorkflowId } from '@banjie/workflows';

/**
 * The thin vertical slice, through real PostgreSQL, Kafka and Temporal: the intake service writes a
 * project and its event in one transaction; the relay publishes it; the deadline service consumes
 * it through @nestjs/microservices, records it once, and starts a Temporal workflow that
 * escalates the overdue start. A duplicated event has no second effect.
 */
describe('outbox → Kafka → idempotent consumer → Temporal workflow', () => {
  let stack: TestStack;
  let db: PgClient;
  let temporal: Client;

  beforeAll(async () => {
    // Both services as their own processes, with their own Temporal task queue and consumer groups.
    stack = await startTestStack('slice', ['intake-service', 'deadline-service'], {
      serviceEnv: { 'deadline-service': { START_WATCH_GRACE_MS: '0' } },
    });
    db = new PgClient({ connectionString: stack.databaseUrl });
    await db.connect();
    temporal = new Client({
      connection: await Connection.connect({ address: requiredEnv('TEMPORAL_ADDRESS') }),
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([stack?.stop(), db?.end(), temporal?.connection.close()]);
  });

  const registration = {
    name: '玉门抽水蓄能电站',
    ownerEnterprise: { id: 'ENT-YUMEN-PSH', name: '玉门抽水蓄能有限公司' },
    totalInvestment: '102',
    cluster: 'NEW_ENERGY_EQUIPMENT',
    chain: '新能源',
    type: 'NEW',
    location: '玉门市',
    plannedStart: '2023-03-10',
    responsibleUnit: '玉门市发展和改革局',
    helpers: [{ name: '李明', phone: '13800000000' }],
    leadingOfficial: '王副市长',
  };

  it('registers a project, escalates its overdue start once, and ignores a duplicated event', async () => {
    const response = await fetch(`${stack.urlOf('intake-service')}/projects`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenFor({ sub: 'admin-1', role: 'admin' })}`,
        'x-correlation-id': 'slice-request-42',
      },
      body: JSON.stringify(registration),
    });
    expect(response.status).toBe(201);
    const project = (await response.json()) as { code: string; totalInvestment: string };
    expect(project.code).toMatch(/^BJ-\d{4}-\d{5,}$/);
    expect(project.totalInvestment).toBe('102');

    // Other test files share the broker, so every assertion is scoped to this project.
    const outbox = await db.query(`SELECT event_id, envelope FROM intake.outbox WHERE message_key = $1`, [
      project.code,
    ]);
    expect(outbox.rows).toHaveLength(1);

    const escalations = await eventually(async () => {
      const rows = (
        await db.query(
          `SELECT subject, rung, project_code FROM deadline.escalations WHERE project_code = $1`,
          [project.code],
        )
      ).rows;
      expect(rows).toHaveLength(1);
      return rows;
    }, 30_000);
    expect(escalations[0]).toEqual({
      subject: `project:${project.code}`,
      rung: 'START_OVERDUE',
      project_code: project.code,
    });
    // The request's correlation id followed it through Kafka and Temporal into the escalation event.
    expect(response.headers.get('x-correlation-id')).toBe('slice-request-42');
    expect(outbox.rows[0].envelope.correlationId).toBe('slice-request-42');
    const escalationEvent = await eventually(async () => {
      const rows = (
        await db.query(`SELECT envelope FROM deadline.outbox WHERE message_key = $1`, [project.code])
      ).rows;
      expect(rows).toHaveLength(1);
      return rows[0].envelope;
    });
    expect(escalationEvent).toMatchObject({
      type: 'EscalationRaised',
      correlationId: 'slice-request-42',
      aggregateId: project.code,
    });

    const handle = temporal.workflow.getHandle(startWatchWorkflowId(project.code));
    await expect(handle.result()).resolves.toBe('ESCALATED');
    await expect(handle.query(startWatchStatusQuery)).resolves.toBe('ESCALATED');

    // Redeliver the very same event, as Kafka's at-least-once delivery may.
    const producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    await producer.send({
      topic: Topics.INTAKE_PROJECT,
      messages: [{ key: project.code, value: JSON.stringify(outbox.rows[0].envelope) }],
    });
    await producer.disconnect();

    await eventually(async () => {
      const metrics = await (await fetch(`${stack.urlOf('deadline-service')}/metrics`)).text();
      expect(metrics).toMatch(/banjie_events_processed_total\{[^}]*outcome="duplicate"[^}]*\} 1/);
    }, 20_000);
    const processed = await db.query(
      `SELECT count(*)::int AS n FROM deadline.processed_events WHERE event_id = $1`,
      [outbox.rows[0].event_id],
    );
    expect(processed.rows[0].n).toBe(1);
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM deadline.escalations WHERE project_code = $1`, [
          project.code,
        ])
      ).rows[0].n,
    ).toBe(1);
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM deadline.project_directory WHERE code = $1`, [
          project.code,
        ])
      ).rows[0].n,
    ).toBe(1);
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM deadline.outbox WHERE message_key = $1`, [
          project.code,
        ])
      ).rows[0].n,
    ).toBe(1);
  }, 90_000);

  it('dead-letters poison messages with the error and keeps the partition flowing', async () => {
    const kafka = new Kafka({ brokers: requiredEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const key = 'BJ-2023-0777';
    const wrongVersion = {
      eventId: '6f1c4f64-38a4-4a55-9d4e-2f3c0c8a1111',
      type: 'ProjectRegistered',
      version: 9,
      occurredAt: new Date().toISOString(),
      aggregateId: key,
      correlationId: 'c',
      payload: {},
    };
    const failingValidation = {
      ...wrongVersion,
      eventId: '6f1c4f64-38a4-4a55-9d4e-2f3c0c8a2222',
      version: 1,
      payload: { public: { code: key } },
    };
    const [first] = (
      await db.query(
        `SELECT envelope FROM intake.outbox WHERE envelope->>'type' = 'ProjectRegistered' ORDER BY id LIMIT 1`,
      )
    ).rows;
    const good = {
      ...first.envelope,
      eventId: '6f1c4f64-38a4-4a55-9d4e-2f3c0c8a3333',
      aggregateId: key,
      payload: {
        ...first.envelope.payload,
        public: { ...first.envelope.payload.public, code: key, plannedStart: '2099-01-01' },
      },
    };
    // All on one key, so on one partition: three poison messages ahead of a good event.
    await producer.send({
      topic: Topics.INTAKE_PROJECT,
      messages: [
        { key, value: '{"not json' },
        { key, value: JSON.stringify(wrongVersion) },
        { key, value: JSON.stringify(failingValidation) },
        { key, value: JSON.stringify(good) },
      ],
    });
    await producer.disconnect();
    await eventually(async () => {
      expect(
        (await db.query(`SELECT code FROM deadline.project_directory WHERE code = $1`, [key])).rows,
      ).toHaveLength(1);
    }, 30_000);

    const dead: { value: string; error: string }[] = [];
    const consumer = kafka.consumer({ groupId: `dlq-reader-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopic(Topics.INTAKE_PROJECT), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void dead.push({
          value: message.value!.toString(),
          error: message.headers!['dlq-error']!.toString(),
        }),
    });
    await eventually(() => expect(dead).toHaveLength(3), 20_000);
    await consumer.disconnect();
    expect(dead.map((d) => d.error)).toEqual([
      expect.stringContaining('malformed JSON'),
      expect.stringContaining('unsupported version 9'),
      expect.stringContaining('invalid ProjectRegistered'),
    ]);
    expect(dead[0]!.value).toBe('{"not json');
  }, 60_000);
});
