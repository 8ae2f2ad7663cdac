import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client as PgClient } from 'pg';
import { createChineseWorkingDayCalendar, parseLocalDate, shanghaiLocalDate } from '@banjie/domain';
import { baseUrl, eventually, tokenFor } from '@banjie/testing';
import {
  ApprovalEventPublisher,
  eiaSnapshot,
  randomProjectCode,
  startIsolatedDeadline,
} from '../test/deadline-harness';

/**
 * Real PostgreSQL, Kafka and Temporal: an extension recorded after the escalations, moving the due
 * date past their rungs, withdraws them (v2 events, saying so in Chinese); nothing else does.
 */
describe('deadline service: escalations withdrawn when a later-recorded extension moves the due date', () => {
  let app: INestApplication;
  let db: PgClient;
  let approval: ApprovalEventPublisher;
  const rows = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;

  beforeAll(async () => {
    let databaseUrl: string;
    ({ app, databaseUrl } = await startIsolatedDeadline({
      RECONCILE_INTERVAL_MS: String(3_600_000),
      TARGET_QUARTER: '2023-Q1',
    }));
    db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    approval = await ApprovalEventPublisher.connect();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([app?.close(), db?.end(), approval?.disconnect()]);
  });

  it('withdraws both overdue escalations once the extension puts their rungs after today', async () => {
    const project = randomProjectCode();
    const accepted = eiaSnapshot(project, {
      status: 'ACCEPTED',
      sequence: 2,
      effectiveDate: '2023-03-01',
      acceptedOn: '2023-03-01',
      dueDate: '2023-03-15',
    });
    await approval.publish('ProcedureOpened', eiaSnapshot(project, {}));
    await approval.publish('ProcedureAccepted', accepted);
    const raised = await eventually(async () => {
      const found = await rows(`SELECT id, rung FROM deadline.escalations WHERE project_code = $1`, [
        project,
      ]);
      expect(found).toHaveLength(2);
      return found as { id: string; rung: string }[];
    }, 30_000);

    // A department extension, recorded late: the limit now ends ten working days from today.
    const calendar = createChineseWorkingDayCalendar();
    const today = shanghaiLocalDate(new Date());
    const movedDueDate = calendar.addWorkingDays(today, 10);
    const extensionWorkingDays = calendar.workingDaysBetween(parseLocalDate('2023-03-15'), movedDueDate);
    const extended = {
      ...accepted,
      sequence: 3,
      extensionWorkingDays,
      dueDate: movedDueDate,
      extensionDays: extensionWorkingDays,
    };
    await approval.publish('ProcedureExtended', extended);

    const withdrawn = await eventually(async () => {
      const found = await rows(
        `SELECT id, status, withdrawn_reason AS why FROM deadline.escalations WHERE project_code = $1`,
        [project],
      );
      expect(found.every((e) => e.status === 'withdrawn')).toBe(true);
      return found as { id: string; why: string }[];
    }, 30_000);
    expect(withdrawn).toHaveLength(2);
    expect(withdrawn.every((e) => e.why.includes(`办理时限已由 2023-03-15 顺延至 ${movedDueDate}`))).toBe(
      true,
    );
    const events = await rows(
      `SELECT envelope FROM deadline.outbox WHERE message_key = $1 AND envelope->>'type' = 'EscalationWithdrawn'`,
      [project],
    );
    expect(events.map((e) => e.envelope.payload.escalationId).sort()).toEqual(raised.map((e) => e.id).sort());
    for (const { envelope } of events) {
      expect(envelope.version).toBe(2);
      expect(envelope.payload).toMatchObject({
        ground: 'DUE_DATE_MOVED',
        dueDate: '2023-03-15',
        currentDueDate: movedDueDate,
      });
      expect(envelope.payload).not.toHaveProperty('completedOn');
    }

    // No clock goes silent: the withdrawn supervisors' rung is ahead again, on the moved due date.
    const supervisor = tokenFor({ sub: 'supervisor-1', role: 'supervisor' });
    await eventually(async () => {
      const response = await fetch(`${baseUrl(app)}/clocks/${project}-EIA`, {
        headers: { authorization: `Bearer ${supervisor}` },
      });
      expect(await response.json()).toMatchObject({
        dueDate: movedDueDate,
        nextRung: { rung: 'OVERDUE_SUPERVISOR', date: calendar.addWorkingDays(movedDueDate, 1) },
      });
    }, 30_000);
    // The ledger lets that rung be raised again, once: a withdrawn escalation no longer holds it.
    const raiseAgain = () =>
      db.query(
        `INSERT INTO deadline.escalations SELECT (jsonb_populate_record(e, jsonb_build_object(
           'id', gen_random_uuid(), 'status', 'open', 'withdrawn_at', null, 'withdrawn_reason', null))).*
         FROM deadline.escalations e WHERE id = $1`,
        [withdrawn[0]!.id],
      );
    await expect(raiseAgain()).resolves.toMatchObject({ rowCount: 1 });
    await expect(raiseAgain()).rejects.toThrow(/escalations_once_per_standing_rung/);
  }, 90_000);
});
