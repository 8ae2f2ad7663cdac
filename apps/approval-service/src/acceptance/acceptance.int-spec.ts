import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client as PgClient } from 'pg';
import {
  AcceptanceWindowLapsedV1,
  ProcedurePlanChangedV1,
  Topics,
  type EventDefinition,
  type ProcedureAction,
} from '@banjie/contracts';
import { createChineseWorkingDayCalendar, PROCEDURE_CATALOGUE, type LocalDate } from '@banjie/domain';
import type { Actor } from '@banjie/platform';
import { approvalClient, eventually, recordEvents, requiredEnv, type EventRecorder } from '@banjie/testing';
import type { z } from 'zod';
import { startIsolatedApproval } from '../test/approval-api';
import { eventEnvelope } from '../test/event-envelopes';
import { DEEMED_ACCEPTANCE_REASON } from './acceptance-lapse';

interface ReceivedEvent {
  type: string;
  payload: { public: Record<string, unknown> & { procedureId: string }; internal: Record<string, unknown> };
}

const OWNER = 'ENT-ACCEPTANCE';
const actors = {
  eeb: { sub: 'eeb-clerk', role: 'department', department: 'EEB' },
  owner: { sub: 'ent-user', role: 'enterprise', enterpriseId: OWNER },
  admin: { sub: 'admin-1', role: 'admin' },
} satisfies Record<string, Actor>;
const LATE = { reason: '纸质档案补录', evidence: '受理登记簿' };
const calendar = createChineseWorkingDayCalendar();
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) as LocalDate;

describe('the acceptance clock on real PostgreSQL and Kafka', () => {
  let approval: INestApplication;
  let db: PgClient;
  let producer: Producer;
  let recorder: EventRecorder<ReceivedEvent>;
  let databaseUrl: string;

  beforeAll(async () => {
    ({ app: approval, databaseUrl } = await startIsolatedApproval());
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    producer = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    recorder = await recordEvents<ReceivedEvent>([Topics.APPROVAL_PROCEDURE]);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([recorder?.stop(), producer?.disconnect(), approval?.close(), db?.end()]);
  }, 60_000);

  const as = (actor: keyof typeof actors) => approvalClient(approval, actors[actor]);
  /** An action as it happened on a past day: an admin's late entry for its party. */
  const late = (procedureId: string, action: ProcedureAction, effectiveDate: string, body = {}) =>
    as('admin').act(procedureId, action, { ...body, effectiveDate, lateEntry: LATE });

  /** Publishes an event as its producing service would; resolves to its event id. */
  async function publish<P extends z.ZodType>(
    definition: EventDefinition<string, P>,
    key: string,
    payload: z.infer<P>,
  ): Promise<string> {
    const envelope = eventEnvelope(definition, key, payload);
    await producer.send({ topic: definition.topic, messages: [{ key, value: JSON.stringify(envelope) }] });
    return envelope.eventId;
  }

  const processed = (eventId: string) =>
    eventually(async () => {
      const { rowCount } = await db.query(`SELECT 1 FROM approval.processed_events WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rowCount).toBe(1);
    }, 30_000);

  /** The events of one procedure in the approval service's outbox, in order. */
  const outbox = async (procedureId: string): Promise<ReceivedEvent[]> =>
    (
      await db.query(
        `SELECT envelope FROM approval.outbox WHERE envelope->'payload'->'public'->>'procedureId' = $1 ORDER BY id`,
        [procedureId],
      )
    ).rows.map((row: { envelope: ReceivedEvent }) => row.envelope);

  /** A project planned by intake (its plan event published as intake would): its EIA procedure, EEB's, 15 working days. */
  async function plannedEia(acceptanceWorkingDays?: number): Promise<string> {
    // Far-off numbers of their own: other files' projects on the shared broker never share a code.
    const code = `BJ-2023-${randomInt(100_000, 400_000)}`;
    await publish(ProcedurePlanChangedV1, code, {
      public: {
        projectCode: code,
        planVersion: 1,
        effectiveDate: '2023-01-06',
        items: [
          {
            procedure: 'EIA',
            applicability: 'REQUIRED',
            department: PROCEDURE_CATALOGUE.EIA.department,
            targetDate: '2023-03-31',
            ...(acceptanceWorkingDays === undefined ? {} : { acceptanceWorkingDays }),
          },
        ],
      },
      internal: { actor: 'admin:admin-1', reason: '前期手续计划', ownerEnterpriseId: OWNER, helpers: [] },
    });
    const eia = `${code}-EIA`;
    await eventually(async () => expect((await as('admin').get(eia)).status).toBe(200), 30_000);
    return eia;
  }

  /** What the deadline service sends when the window of the current submission lapsed. */
  const lapseOf = (procedureId: string, applicationNumber: number, receivedOn: string) =>
    publish(AcceptanceWindowLapsedV1, procedureId.replace(/-[A-Z_]+$/, ''), {
      procedureId,
      projectCode: procedureId.replace(/-[A-Z_]+$/, ''),
      applicationNumber,
      receivedOn,
      acceptanceDueDate: calendar.addWorkingDays(receivedOn as LocalDate, 5),
      lapsedAt: new Date().toISOString(),
    });

  it('asks once for what is missing before acceptance: the window stands still, a second request is 409, the delivery opens a new window', async () => {
    const eia = await plannedEia();
    const submitted = await as('owner').act(eia, 'submit');
    expect(submitted.body).toMatchObject({
      status: 'SUBMITTED',
      acceptanceWorkingDays: 5,
      acceptanceDueDate: calendar.addWorkingDays(today(), 5),
      deemedAccepted: false,
      acceptance: { receivedOn: today(), windowWorkingDays: 5, remainingWorkingDays: 5, status: 'OPEN' },
    });

    const asked = await as('eeb').act(eia, 'request-supplement', {
      supplementReason: 'MISSING_DOCUMENT',
      note: '缺少环境监测报告、公众参与说明',
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'SUBMITTED',
      acceptanceDueDate: null,
      preAcceptanceSupplement: { from: today(), to: null, supplementReason: 'MISSING_DOCUMENT' },
      pauses: [],
      acceptance: { receivedOn: null, dueDate: null, status: 'SUPPLEMENT_REQUESTED' },
      // While the applicant owes it only the applicant moves (or the department finds the procedure not needed).
      allowedActions: ['resubmit', 'mark-not-applicable', 'withdraw'],
      permittedActions: ['mark-not-applicable'],
    });
    const second = await as('eeb').act(eia, 'request-supplement', { supplementReason: 'OTHER' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED' });
    expect(second.body.message).toContain('一次性告知');
    expect((await as('eeb').act(eia, 'accept')).body).toMatchObject({
      statusCode: 409,
      code: 'NOT_ALLOWED_FROM_STATUS',
    });

    const delivered = await as('owner').act(eia, 'resubmit');
    expect(delivered.body).toMatchObject({
      status: 'SUBMITTED',
      preAcceptanceSupplement: { from: today(), to: today() },
      acceptanceDueDate: calendar.addWorkingDays(today(), 5),
      acceptance: { receivedOn: today(), status: 'OPEN' },
    });
    // Once per submission, delivered or not.
    expect(
      (await as('eeb').act(eia, 'request-supplement', { supplementReason: 'OTHER' })).body,
    ).toMatchObject({
      statusCode: 409,
      code: 'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED',
    });
    expect((await as('eeb').act(eia, 'accept')).body).toMatchObject({
      status: 'ACCEPTED',
      deemedAccepted: false,
    });

    const events = await outbox(eia);
    expect(events.map((event) => event.type)).toEqual([
      'ProcedureOpened',
      'ProcedureSubmitted',
      'ProcedureSupplementRequested',
      'ProcedureResubmitted',
      'ProcedureAccepted',
    ]);
    expect(events[2]!.payload.public).toMatchObject({
      status: 'SUBMITTED',
      supplementReason: 'MISSING_DOCUMENT',
      acceptanceDueDate: null,
      preAcceptanceSupplement: { from: today(), to: null, supplementReason: 'MISSING_DOCUMENT' },
    });
    const rejected = (await as('admin').audit(eia)).body.items.filter((row) => row.outcome === 'REJECTED');
    expect(rejected.map((row) => row.refusalCode)).toEqual([
      'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED',
      'NOT_ALLOWED_FROM_STATUS',
      'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED',
    ]);
  }, 90_000);

  it('refuses to accept (不予受理) within the window; the applicant may apply again', async () => {
    const eia = await plannedEia(3);
    expect((await as('owner').act(eia, 'submit')).body).toMatchObject({
      acceptanceWorkingDays: 3,
      acceptanceDueDate: calendar.addWorkingDays(today(), 3),
    });
    const refused = await as('eeb').act(eia, 'refuse', { reason: '不属于本部门职权范围' });
    expect(refused.body).toMatchObject({
      status: 'REFUSED',
      acceptedOn: null,
      acceptanceDueDate: null,
      acceptance: null,
      permittedActions: [],
    });
    expect((await as('owner').act(eia, 'submit')).body).toMatchObject({
      status: 'SUBMITTED',
      applicationNumber: 2,
    });
  }, 90_000);

  it('leaves an art. 45 period out of the limit: the due date moves by its working days', async () => {
    const eia = await plannedEia();
    await late(eia, 'submit', '2023-02-01');
    const accepted = await late(eia, 'accept', '2023-02-02');
    const due = calendar.addWorkingDays('2023-02-02' as LocalDate, 15);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', dueDate: due });

    expect((await as('eeb').act(eia, 'begin-excluded-period', {})).body).toMatchObject({
      statusCode: 400,
      fields: [{ field: 'excludedReason' }],
    });
    const begun = await late(eia, 'begin-excluded-period', '2023-02-06', { excludedReason: 'EXPERT_REVIEW' });
    expect(begun.body).toMatchObject({
      status: 'ACCEPTED',
      pauses: [{ from: '2023-02-06', to: null, excludedReason: 'EXPERT_REVIEW' }],
    });
    const eeb = await as('eeb').get(eia);
    expect(eeb.body.permittedActions).toEqual(['approve', 'refuse', 'extend', 'end-excluded-period']);
    expect((await as('eeb').act(eia, 'request-supplement', { supplementReason: 'OTHER' })).status).toBe(409);

    const ended = await late(eia, 'end-excluded-period', '2023-02-10');
    // 7–10 Feb: four working days left out.
    expect(ended.body).toMatchObject({
      pauses: [{ from: '2023-02-06', to: '2023-02-10', excludedReason: 'EXPERT_REVIEW' }],
      dueDate: calendar.addWorkingDays(due, 4),
    });
    const replay = await as('eeb').act(
      eia,
      'begin-excluded-period',
      { excludedReason: 'HEARING' },
      {
        idempotencyKey: `hearing-${eia}`,
      },
    );
    const again = await as('eeb').act(
      eia,
      'begin-excluded-period',
      { excludedReason: 'HEARING' },
      {
        idempotencyKey: `hearing-${eia}`,
      },
    );
    expect([replay.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([
      200,
      200,
      'true',
    ]);
    const events = await outbox(eia);
    expect(events.map((event) => event.type).slice(-3)).toEqual([
      'ProcedureExcludedPeriodBegun',
      'ProcedureExcludedPeriodEnded',
      'ProcedureExcludedPeriodBegun',
    ]);
    expect(events.at(-3)!.payload.public).toMatchObject({
      excludedReason: 'EXPERT_REVIEW',
      pauses: [{ from: '2023-02-06', to: null, excludedReason: 'EXPERT_REVIEW' }],
    });
    expect((await as('owner').audit(eia)).body.items.at(-1)).toMatchObject({
      action: 'begin-excluded-period',
      excludedReason: 'HEARING',
    });
  }, 90_000);

  it('deems a lapsed submission accepted on the day it was received when the lapse arrives over Kafka, once', async () => {
    const eia = await plannedEia();
    // Submitted Wed 1 Feb 2023: the window's last day was Wed 8 Feb.
    await late(eia, 'submit', '2023-02-01');
    expect((await as('eeb').get(eia)).body).toMatchObject({
      acceptanceDueDate: '2023-02-08',
      acceptance: { dueDate: '2023-02-08', status: 'LAPSED' },
    });

    await processed(await lapseOf(eia, 1, '2023-02-01'));
    const deemed = await as('eeb').get(eia);
    expect(deemed.body).toMatchObject({
      status: 'ACCEPTED',
      acceptedOn: '2023-02-01',
      deemedAccepted: true,
      effectiveDate: today(),
      committedWorkingDays: 15,
      dueDate: calendar.addWorkingDays('2023-02-01' as LocalDate, 15),
      deadlineStatus: 'OVERDUE',
      acceptance: null,
    });
    expect((await as('admin').audit(eia)).body.items.at(-1)).toMatchObject({
      action: 'deem-accept',
      outcome: 'APPLIED',
      actor: 'system',
      actorRole: 'system',
      reason: DEEMED_ACCEPTANCE_REASON,
      fromStatus: 'SUBMITTED',
      toStatus: 'ACCEPTED',
    });
    expect((await as('owner').audit(eia)).body.items.at(-1)).toMatchObject({
      action: 'deem-accept',
      actor: 'system',
      actorRole: 'system',
    });

    // The deadline service sends it again until it hears of the decision: nothing more happens.
    await processed(await lapseOf(eia, 1, '2023-02-01'));
    expect((await as('eeb').get(eia)).body.sequence).toBe(deemed.body.sequence);
    const accepted = (await outbox(eia)).filter((event) => event.type === 'ProcedureAccepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.payload).toMatchObject({
      public: { status: 'ACCEPTED', acceptedOn: '2023-02-01', deemedAccepted: true },
      internal: { actor: 'system', actorRole: 'system', reason: DEEMED_ACCEPTANCE_REASON },
    });
    await eventually(
      () =>
        expect(
          recorder.received.filter(
            (e) => e.type === 'ProcedureAccepted' && e.payload.public.procedureId === eia,
          ),
        ).toEqual([expect.objectContaining({ payload: expect.objectContaining(accepted[0]!.payload) })]),
      30_000,
    );
  }, 90_000);

  it('changes nothing for a window still open, another application, other materials or an unknown procedure', async () => {
    const open = await plannedEia();
    await as('owner').act(open, 'submit');
    await processed(await lapseOf(open, 1, today()));

    const resubmitted = await plannedEia();
    await late(resubmitted, 'submit', '2023-02-01');
    await late(resubmitted, 'withdraw', '2023-02-02', { reason: '重新编制材料' });
    await late(resubmitted, 'submit', '2023-02-03');
    await processed(await lapseOf(resubmitted, 1, '2023-02-01'));
    await processed(await lapseOf(resubmitted, 2, '2023-02-01'));
    await processed(await lapseOf('BJ-2023-000001-EIA', 1, '2023-02-01'));

    expect((await as('eeb').get(open)).body).toMatchObject({ status: 'SUBMITTED', sequence: 2 });
    expect((await as('eeb').get(resubmitted)).body).toMatchObject({ status: 'SUBMITTED', sequence: 4 });
    for (const eia of [open, resubmitted])
      expect((await outbox(eia)).filter((event) => event.type === 'ProcedureAccepted')).toEqual([]);

    // The current application on its own materials is deemed accepted.
    await processed(await lapseOf(resubmitted, 2, '2023-02-03'));
    expect((await as('eeb').get(resubmitted)).body).toMatchObject({
      status: 'ACCEPTED',
      applicationNumber: 2,
      acceptedOn: '2023-02-03',
      deemedAccepted: true,
    });
  }, 90_000);

  it('accepts exactly once when the department accepts while the lapse is applied: one wins, the other is 409 or a no-op', async () => {
    const eia = await plannedEia();
    await late(eia, 'submit', '2023-02-01');
    // Hold the procedure's row so that both the HTTP acceptance and the lapse queue behind it.
    const blocker = new PgClient({ connectionString: databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM approval.procedures WHERE procedure_id = $1 FOR UPDATE`, [eia]);
      const manual = as('eeb').act(eia, 'accept');
      const lapse = await lapseOf(eia, 1, '2023-02-01');
      await eventually(async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        expect(rows[0].n).toBe(2);
      }, 30_000);
      await blocker.query('COMMIT');
      const response = await manual;
      await processed(lapse);

      const after = (await as('eeb').get(eia)).body;
      expect(after).toMatchObject({ status: 'ACCEPTED', sequence: 3 });
      if (response.status === 200)
        expect(after).toMatchObject({ acceptedOn: today(), deemedAccepted: false });
      else {
        expect(response.body).toMatchObject({ statusCode: 409, code: 'NOT_ALLOWED_FROM_STATUS' });
        expect(after).toMatchObject({ acceptedOn: '2023-02-01', deemedAccepted: true });
      }
      expect((await outbox(eia)).filter((event) => event.type === 'ProcedureAccepted')).toHaveLength(1);
    } finally {
      await blocker.end();
    }
  }, 90_000);
});
