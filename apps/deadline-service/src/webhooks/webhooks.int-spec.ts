import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { Topics } from '@banjie/contracts';
import { deadlineClient, eventually, requiredEnv } from '@banjie/testing';
import { createChineseWorkingDayCalendar, shanghaiLocalDate } from '@banjie/domain';
import { Transactions } from '@banjie/platform';
import { EscalationService } from '../escalations/escalation.service';
import { ReminderService } from '../rung-notices/reminder.service';
import { randomProjectCode, startIsolatedDeadline } from '../test/deadline-harness';
import type { DeliveryView } from './webhook-deliveries.repository';
import { verifyWebhookSignature } from './webhook-signature';
import { LocalReceiver, type ReceivedRequest } from './test/local-receiver';

const SECRET = 'webhook-test-secret-0123456789abcdef';

/** What the README tells receivers to do, written out without our helper. */
function receiverAccepts(request: ReceivedRequest): boolean {
  const timestamp = String(request.headers['x-banjie-timestamp']);
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${request.body}`).digest('hex')}`;
  const given = String(request.headers['x-banjie-signature']);
  return (
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected)) &&
    Math.abs(Date.now() / 1000 - Number(timestamp)) < 300
  );
}

/**
 * Real PostgreSQL, Kafka and Temporal: escalations and reminders recorded in the ledger reach local
 * HTTP receivers through the outbox, Kafka and the webhook outbox — signed, retried with backoff,
 * logged, the same event id on every duplicate.
 */
describe('deadline service: signed outgoing webhooks', () => {
  let app: INestApplication;
  let db: PgClient;
  let producer: Producer;
  let flaky: LocalReceiver;
  let broken: LocalReceiver;
  let brokenAnswers = 500;
  const admin = () => deadlineClient(app, { sub: 'admin-1', role: 'admin' });
  const project = randomProjectCode();

  beforeAll(async () => {
    // The flaky receiver answers 503 to the first two deliveries of every event, then 200.
    flaky = await LocalReceiver.start((request, previous) =>
      previous.filter((p) => p.headers['x-banjie-event-id'] === request.headers['x-banjie-event-id']).length <
      2
        ? 503
        : 200,
    );
    broken = await LocalReceiver.start(() => brokenAnswers);
    let databaseUrl: string;
    ({ app, databaseUrl } = await startIsolatedDeadline({
      DEADLINE_WEBHOOK_URLS: `${flaky.url},${broken.url}`,
      DEADLINE_WEBHOOK_SECRET: SECRET,
      DEADLINE_WEBHOOK_MAX_ATTEMPTS: '4',
      DEADLINE_WEBHOOK_INITIAL_BACKOFF_MS: '300',
      DEADLINE_WEBHOOK_MAX_BACKOFF_MS: '2000',
      DEADLINE_WEBHOOK_POLL_MS: '100',
      RECONCILE_INTERVAL_MS: String(3_600_000),
      TARGET_QUARTER: '2023-Q1',
    }));
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([
      app?.close(),
      db?.end(),
      producer?.disconnect(),
      flaky?.close(),
      broken?.close(),
    ]);
  });

  const raiseEscalation = (rung: string) =>
    app.get(EscalationService).raise({
      subject: `procedure:${project}-EIA:1`,
      rung,
      projectCode: project,
      procedureId: `${project}-EIA`,
      applicationNumber: 1,
      department: 'EEB',
      dueDate: '2023-03-15',
      recipients: [{ kind: 'SUPERVISORS' }],
      reason: `${project}-EIA was due on 2023-03-15`,
    });
  const outboxEvent = async (field: string, id: string) =>
    (await db.query(`SELECT envelope FROM deadline.outbox WHERE envelope->'payload'->>'${field}' = $1`, [id]))
      .rows[0]!.envelope as { eventId: string };
  const deliveriesOf = async (eventId: string) => {
    const { status, body } = await admin()<{ items: DeliveryView[] }>(
      'GET',
      `/webhooks/deliveries?eventId=${eventId}`,
    );
    expect(status).toBe(200);
    return Object.fromEntries(body.items.map((d) => [d.url, d]));
  };

  let escalationEventId: string;

  it('posts an escalation signed to every receiver; a failing one gets retries with backoff, then success, each with the same event id and body', async () => {
    const escalationId = (await raiseEscalation('OVERDUE_SUPERVISOR'))!;
    escalationEventId = (await outboxEvent('escalationId', escalationId)).eventId;

    const received = await eventually(() => {
      const requests = flaky.forEvent(escalationEventId);
      expect(requests).toHaveLength(3);
      return requests;
    }, 30_000);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(received.map((r) => r.headers['x-banjie-delivery-attempt'])).toEqual(['1', '2', '3']);
    for (const request of received) {
      expect(request.headers).toMatchObject({
        'content-type': 'application/json',
        'x-banjie-event-type': 'EscalationRaised',
        'x-banjie-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
      });
      expect(receiverAccepts(request)).toBe(true);
      expect(
        verifyWebhookSignature(
          SECRET,
          {
            signature: request.headers['x-banjie-signature'] as string,
            timestamp: request.headers['x-banjie-timestamp'] as string,
          },
          request.body,
        ),
      ).toEqual({ valid: true });
      expect(
        verifyWebhookSignature(
          'another-secret-of-at-least-32-chars!',
          {
            signature: request.headers['x-banjie-signature'] as string,
            timestamp: request.headers['x-banjie-timestamp'] as string,
          },
          request.body,
        ).valid,
      ).toBe(false);
    }
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      eventId: escalationEventId,
      type: 'EscalationRaised',
      version: 1,
      aggregateId: project,
      payload: {
        escalationId,
        rung: 'OVERDUE_SUPERVISOR',
        procedureId: `${project}-EIA`,
        department: 'EEB',
        dueDate: '2023-03-15',
      },
    });
    // Backoff: 300 ms then 600 ms (±20 %), never hammering the receiver.
    expect(received[1]!.receivedAt - received[0]!.receivedAt).toBeGreaterThanOrEqual(240);
    expect(received[2]!.receivedAt - received[1]!.receivedAt).toBeGreaterThanOrEqual(480);

    const deliveries = await eventually(async () => {
      const found = await deliveriesOf(escalationEventId);
      expect(found[flaky.url]?.status).toBe('delivered');
      return found;
    });
    expect(deliveries[flaky.url]).toMatchObject({
      eventType: 'EscalationRaised',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: expect.any(String),
    });
    expect(deliveries[flaky.url]!.log.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 503, 'HTTP 503 Service Unavailable'],
      [2, 503, 'HTTP 503 Service Unavailable'],
      [3, 200, null],
    ]);
  }, 60_000);

  it('gives up on a receiver that keeps failing after the last attempt, logs every attempt, and an admin can send it again once it is fixed', async () => {
    const failed = await eventually(async () => {
      const found = (await deliveriesOf(escalationEventId))[broken.url]!;
      expect(found.status).toBe('failed');
      return found;
    }, 30_000);
    expect(failed).toMatchObject({
      attempts: 4,
      maxAttempts: 4,
      lastStatusCode: 500,
      lastError: 'HTTP 500 Internal Server Error',
      nextAttemptAt: null,
    });
    expect(failed.log.map((a) => a.statusCode)).toEqual([500, 500, 500, 500]);
    expect(broken.forEvent(escalationEventId)).toHaveLength(4);

    const delivered = (await deliveriesOf(escalationEventId))[flaky.url]!;
    const again = await admin()<{ code: string; status: string }>(
      'POST',
      `/webhooks/deliveries/${delivered.id}/retry`,
    );
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'WEBHOOK_DELIVERY_NOT_FAILED', status: 'delivered' },
    });
    expect(
      (await admin()('POST', '/webhooks/deliveries/7d1c0c5e-0000-4000-8000-000000000000/retry')).status,
    ).toBe(404);
    const badId = await admin()<{ message: string[] }>('POST', '/webhooks/deliveries/not-a-uuid/retry');
    expect(badId.status).toBe(400);
    expect(badId.body.message.join()).toMatch(/^id must be a webhook delivery id/);
    const badQuery = await admin()<{ message: string[] }>(
      'GET',
      '/webhooks/deliveries?status=lost&pageSize=201',
    );
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.message).toEqual(
      expect.arrayContaining([
        'status must be one of pending, delivered, failed',
        'pageSize must be at most 200',
      ]),
    );
    expect(
      (
        await deadlineClient(app, { sub: 'supervisor-wang', role: 'supervisor' })(
          'GET',
          '/webhooks/deliveries',
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await deadlineClient(app, { sub: 'supervisor-wang', role: 'supervisor' })(
          'POST',
          `/webhooks/deliveries/${failed.id}/retry`,
        )
      ).status,
    ).toBe(403);

    brokenAnswers = 204;
    const retried = await admin()<DeliveryView>('POST', `/webhooks/deliveries/${failed.id}/retry`);
    expect(retried).toMatchObject({
      status: 200,
      body: { id: failed.id, status: 'pending', attempts: 4, maxAttempts: 8 },
    });
    await eventually(
      async () =>
        expect((await deliveriesOf(escalationEventId))[broken.url]).toMatchObject({
          status: 'delivered',
          attempts: 5,
          lastStatusCode: 204,
        }),
      15_000,
    );
    const requests = broken.forEvent(escalationEventId);
    expect(requests).toHaveLength(5);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    expect(requests.every(receiverAccepts)).toBe(true);
  }, 60_000);

  it('a redelivered Kafka event adds no second delivery, an event older than the age limit none; reminders are sent too', async () => {
    const [{ envelope }] = (
      await db.query(`SELECT envelope FROM deadline.outbox WHERE event_id = $1`, [escalationEventId])
    ).rows;
    // The same event again on its topic (publishing is at least once), then another escalation of the project behind it on the same partition.
    // And an event older than DEADLINE_WEBHOOK_MAX_EVENT_AGE_MS (7 days), as a first subscription reading the topic's history would see.
    const old = {
      ...envelope,
      eventId: randomUUID(),
      occurredAt: new Date(Date.now() - 8 * 24 * 3600_000).toISOString(),
    };
    await producer.send({
      topic: Topics.DEADLINE_ESCALATION,
      messages: [
        { key: project, value: JSON.stringify(envelope) },
        { key: project, value: JSON.stringify(old) },
      ],
    });
    const markerEventId = (
      await outboxEvent('escalationId', (await raiseEscalation('OVERDUE_LEADING_OFFICIAL'))!)
    ).eventId;
    await eventually(() => expect(flaky.forEvent(markerEventId)).toHaveLength(3), 30_000);
    const rows = await db.query(`SELECT url FROM deadline.webhook_deliveries WHERE event_id = $1`, [
      escalationEventId,
    ]);
    expect(rows.rows.map((r) => r.url).sort()).toEqual([flaky.url, broken.url].sort());
    expect(flaky.forEvent(escalationEventId)).toHaveLength(3);
    expect(
      (await db.query(`SELECT 1 FROM deadline.webhook_deliveries WHERE event_id = $1`, [old.eventId])).rows,
    ).toEqual([]);
    expect(
      (
        await db.query(
          `SELECT 1 FROM deadline.processed_events WHERE consumer = 'deadline.webhooks' AND event_id = $1`,
          [old.eventId],
        )
      ).rows,
    ).toHaveLength(1);

    const reminderId = (await app.get(ReminderService).send({
      subject: `procedure:${project}-EIA:1`,
      rung: 'REMINDER_3WD_BEFORE',
      projectCode: project,
      procedureId: `${project}-EIA`,
      applicationNumber: 1,
      department: 'EEB',
      dueDate: '2023-03-15',
      remainingWorkingDays: 3,
      recipients: [{ kind: 'DEPARTMENT', id: 'EEB' }],
      reason: 'due in 3 working days',
    }))!;
    const reminderEventId = (await outboxEvent('reminderId', reminderId)).eventId;
    const reminder = await eventually(() => {
      const delivered = flaky.forEvent(reminderEventId);
      expect(delivered).toHaveLength(3);
      return delivered[2]!;
    }, 30_000);
    expect(receiverAccepts(reminder)).toBe(true);
    expect(reminder.headers['x-banjie-event-type']).toBe('ReminderSent');
    expect(JSON.parse(reminder.body)).toMatchObject({
      eventId: reminderEventId,
      type: 'ReminderSent',
      payload: { reminderId, rung: 'REMINDER_3WD_BEFORE', remainingWorkingDays: 3 },
    });
    await eventually(() => expect(broken.forEvent(reminderEventId)).toHaveLength(1));
  }, 60_000);
  it('tells the receivers of an escalation when it is withdrawn: completed in time (v1), or its due date moved past the rung (v2)', async () => {
    const withdraw = (
      procedureId: string,
      facts: { status: 'APPROVED' | 'ACCEPTED'; completedOn: string | null; dueDate: string },
    ) =>
      app.get(Transactions).run((tx) =>
        app.get(EscalationService).withdrawRaisedInError(tx, {
          procedureId,
          applicationNumber: 1,
          effectiveDate: facts.completedOn ?? '2023-03-01',
          ...facts,
        }),
      );
    // The EIA escalations of the tests above: the approval took effect on 14 March, before the due date.
    expect(
      await withdraw(`${project}-EIA`, {
        status: 'APPROVED',
        completedOn: '2023-03-14',
        dueDate: '2023-03-15',
      }),
    ).toBe(2);
    const safety = (await app.get(EscalationService).raise({
      subject: `procedure:${project}-SAFETY:1`,
      rung: 'OVERDUE_SUPERVISOR',
      projectCode: project,
      procedureId: `${project}-SAFETY`,
      applicationNumber: 1,
      department: 'EMB',
      dueDate: '2023-03-15',
      recipients: [{ kind: 'SUPERVISORS' }],
      reason: `${project}-SAFETY was due on 2023-03-15`,
    }))!;
    const movedDueDate = createChineseWorkingDayCalendar().addWorkingDays(shanghaiLocalDate(new Date()), 10);
    expect(
      await withdraw(`${project}-SAFETY`, { status: 'ACCEPTED', completedOn: null, dueDate: movedDueDate }),
    ).toBe(1);

    const withdrawals = (
      await db.query(
        `SELECT envelope FROM deadline.outbox WHERE message_key = $1 AND envelope->>'type' = 'EscalationWithdrawn'`,
        [project],
      )
    ).rows.map(
      (row) => row.envelope as { eventId: string; version: number; payload: { escalationId: string } },
    );
    expect(withdrawals.map((e) => e.version).sort()).toEqual([1, 1, 2]);
    for (const withdrawal of withdrawals) {
      const delivered = await eventually(() => {
        const requests = flaky.forEvent(withdrawal.eventId);
        expect(requests).toHaveLength(3);
        return requests[2]!;
      }, 30_000);
      expect(receiverAccepts(delivered)).toBe(true);
      expect(delivered.headers['x-banjie-event-type']).toBe('EscalationWithdrawn');
      expect(JSON.parse(delivered.body)).toMatchObject({
        eventId: withdrawal.eventId,
        version: withdrawal.version,
      });
      await eventually(() => expect(broken.forEvent(withdrawal.eventId)).toHaveLength(1));
    }
    const movedPast = withdrawals.find((e) => e.payload.escalationId === safety)!;
    expect(movedPast).toMatchObject({
      version: 2,
      payload: { ground: 'DUE_DATE_MOVED', dueDate: '2023-03-15', currentDueDate: movedDueDate },
    });
  }, 90_000);
});
