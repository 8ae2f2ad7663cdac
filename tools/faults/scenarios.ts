// Each fault, injected while the workload runs. A scenario returns when the fault has been
// injected and the broken part is back (the workload and the measurement go on around it).
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@banjie/contracts';
import { FaultPoints, type FaultPoint } from '@banjie/platform';
import type { ServiceName, ServiceStack } from '@banjie/testing/stack';
import type { RestartableInfrastructure } from './restartable-infrastructure';

export interface FaultContext {
  stack: ServiceStack;
  infra: RestartableInfrastructure;
}

export interface Scenario {
  name: string;
  description: string;
  inject(context: FaultContext): Promise<void>;
}

/** Restarts the service armed to SIGKILL itself at the point, waits for it to die there, starts it clean. */
function crashAt(
  service: ServiceName,
  point: FaultPoint,
  after: number,
): (context: FaultContext) => Promise<void> {
  return async ({ stack }) => {
    await stack.kill(service);
    const armed = stack
      .start(service, { BANJIE_FAULT_POINT: point, BANJIE_FAULT_AFTER: String(after) })
      .catch(() => undefined);
    await stack.exited(service);
    await armed;
    await stack.start(service);
  };
}

/** Sends events that are already in the approval outbox to Kafka again: same event ids. */
async function redeliver(context: FaultContext, share: number, shuffle: boolean): Promise<void> {
  const db = new Client({ connectionString: context.infra.databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ message_key: string; envelope: unknown }>(
    `SELECT message_key, envelope FROM approval.outbox WHERE published_at IS NOT NULL AND random() < $1 ORDER BY id`,
    [share],
  );
  await db.end();
  const messages = rows.map((row) => ({ key: row.message_key, value: JSON.stringify(row.envelope) }));
  if (shuffle) messages.reverse();
  const kafka = new Kafka({
    clientId: 'banjie-faults',
    brokers: [context.infra.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  for (const message of messages)
    await producer.send({ topic: Topics.APPROVAL_PROCEDURE, messages: [message] });
  await producer.disconnect();
}

/** Poison on the partition of a live project, so the test shows that partition still flows. */
async function poison(context: FaultContext): Promise<void> {
  const db = new Client({ connectionString: context.infra.databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ project_code: string }>(
    `SELECT project_code FROM approval.procedures ORDER BY updated_at DESC LIMIT 1`,
  );
  await db.end();
  const key = rows[0]!.project_code;
  const kafka = new Kafka({
    clientId: 'banjie-faults',
    brokers: [context.infra.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  const valid = {
    eventId: '00000000-0000-4000-8000-000000000001',
    type: 'ProcedureApproved',
    occurredAt: new Date().toISOString(),
    aggregateId: key,
    correlationId: 'faults',
  };
  await producer.send({
    topic: Topics.APPROVAL_PROCEDURE,
    messages: [
      { key, value: '{"eventId": "malformed' },
      { key, value: JSON.stringify({ ...valid, version: 99, payload: {} }) },
      {
        key,
        value: JSON.stringify({
          ...valid,
          eventId: '00000000-0000-4000-8000-000000000002',
          version: 1,
          payload: { public: { procedureId: 'nonsense' } },
        }),
      },
    ],
  });
  await producer.disconnect();
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'approval-kill-before-commit',
    description: "kill -9 of the approval service inside an action's transaction, before the commit",
    inject: crashAt('approval-service', FaultPoints.BEFORE_COMMIT, 5),
  },
  {
    name: 'approval-kill-before-publish',
    description: 'kill -9 of the approval service after the commit, before the outbox row is published',
    inject: crashAt('approval-service', FaultPoints.OUTBOX_BEFORE_PUBLISH, 3),
  },
  {
    name: 'approval-kill-before-mark',
    description: 'kill -9 of the approval service after publishing, before marking the row sent',
    inject: crashAt('approval-service', FaultPoints.OUTBOX_AFTER_PUBLISH, 3),
  },
  {
    name: 'notice-kill-before-offset',
    description: 'kill -9 of the notice service after writing its projection, before committing its offset',
    inject: crashAt('notice-service', FaultPoints.CONSUMER_AFTER_COMMIT, 1),
  },
  {
    name: 'deadline-kill-mid-notice',
    description: 'kill -9 of the deadline worker in the middle of sending a reminder or escalation',
    inject: crashAt('deadline-service', FaultPoints.BEFORE_COMMIT, 2),
  },
  {
    name: 'kafka-restart',
    description: 'Kafka broker killed (-9) and restarted after 3 s',
    inject: async ({ infra }) => {
      await infra.killKafka();
      await sleep(3_000);
      await infra.startKafka();
    },
  },
  {
    name: 'postgres-restart',
    description: 'PostgreSQL killed (-9) and restarted after 3 s',
    inject: async ({ infra }) => {
      await infra.killPostgres();
      await sleep(3_000);
      await infra.startPostgres();
    },
  },
  {
    name: 'temporal-restart',
    description: 'Temporal server killed (-9) and restarted while timers are pending',
    inject: async ({ infra }) => {
      await infra.killTemporal();
      await sleep(3_000);
      await infra.startTemporal();
    },
  },
  {
    name: 'redelivery',
    description: '10 % of the events delivered again with the same event ids',
    inject: (context) => redeliver(context, 0.1, false),
  },
  {
    name: 'out-of-order',
    description: 'old events delivered again in reverse order across projects',
    inject: (context) => redeliver(context, 0.2, true),
  },
  {
    name: 'poison',
    description: 'malformed JSON, an unknown version and a payload failing validation',
    inject: poison,
  },
];
