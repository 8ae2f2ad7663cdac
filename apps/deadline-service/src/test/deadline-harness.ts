import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Topics, type InternalProcedureFields, type PublicProcedureFields } from '@banjie/contracts';
import { freshDatabaseUrl, requiredEnv, serviceEnvironment } from '@banjie/testing';
import { migrateDeadline, startDeadlineService } from '../deadline-service';

/** A fresh deadline service on its own database and its own Temporal task queue. */
export async function startIsolatedDeadline(
  overrides: NodeJS.ProcessEnv = {},
): Promise<{ app: INestApplication; databaseUrl: string }> {
  const databaseUrl = await freshDatabaseUrl('deadline');
  const env = {
    ...(await serviceEnvironment(databaseUrl, 'DEADLINE_PORT')),
    TEMPORAL_TASK_QUEUE: `deadline-${randomUUID()}`,
    ...overrides,
  };
  await migrateDeadline(env);
  return { app: await startDeadlineService(env), databaseUrl };
}

/** A random project code far from other test files' codes (they share one Kafka broker). */
export const randomProjectCode = (): string =>
  `BJ-2023-${String(100_000 + Math.floor(Math.random() * 899_999))}`;

/** Publishes approval events as the approval service would: real envelopes, keyed by project code. */
export class ApprovalEventPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(): Promise<ApprovalEventPublisher> {
    const producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    return new ApprovalEventPublisher(producer);
  }

  async publish(
    type: string,
    snapshot: PublicProcedureFields,
    internal: Partial<InternalProcedureFields> = {},
  ): Promise<string> {
    const eventId = randomUUID();
    const envelope = {
      eventId,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      aggregateId: snapshot.projectCode,
      correlationId: `test-${type}`,
      payload: {
        public: snapshot,
        internal: {
          actor: 'eeb-officer',
          actorRole: 'department',
          reason: null,
          ownerEnterpriseId: 'ENT-TEST',
          helpers: ['helper-li'],
          ...internal,
        },
      },
    };
    await this.producer.send({
      topic: Topics.APPROVAL_PROCEDURE,
      messages: [{ key: snapshot.projectCode, value: JSON.stringify(envelope) }],
    });
    return eventId;
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** The public snapshot of an EIA procedure of a project, to vary per event. */
export function eiaSnapshot(
  projectCode: string,
  fields: Partial<PublicProcedureFields>,
): PublicProcedureFields {
  return {
    procedureId: `${projectCode}-EIA`,
    projectCode,
    procedure: 'EIA',
    department: 'EEB',
    status: 'PLANNED',
    sequence: 1,
    effectiveDate: '2023-02-01',
    applicationNumber: 1,
    committedWorkingDays: 10,
    extensionWorkingDays: 0,
    acceptedOn: null,
    pauses: [],
    baselineDate: '2023-03-31',
    targetDate: '2023-03-31',
    dueDate: null,
    dueDateUnavailable: null,
    completedOn: null,
    documentNumber: null,
    ...fields,
  };
}
