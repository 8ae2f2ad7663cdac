import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { randomUUID } from 'node:crypto';
import { FlagBoardCardChangedV1, Topics, deadLetterTopic } from '@banjie/contracts';
import { baseUrl, eventually } from '@banjie/testing';
import { rebuildNoticeBoard } from '../notice-service';
import {
  procedureEvent,
  procedurePublic,
  projectLifecycleChanged,
  projectPublic,
  projectRegistered,
  randomProjectCode,
} from '../test/notice-events';
import { FLAG_BOARD_CONSUMER } from '../events/board-events.consumer';
import {
  adjustableClock,
  observedNotice,
  publish,
  publishRaw,
  recordSse,
  startIsolatedNotice,
} from '../test/notice-api';

/**
 * The notice service through real PostgreSQL and Kafka: events published to the intake and
 * approval topics change the board, the stream and the public topic; time alone turns flags.
 */
describe('the public flag board, through real Kafka', () => {
  // 6 Oct 2023, noon in Yumen: the last day of the National Day holiday.
  const clock = adjustableClock('2023-10-06T12:00:00+08:00');
  let notice: Awaited<ReturnType<typeof observedNotice>>;
  let env: NodeJS.ProcessEnv;
  let url: string;
  let db: PgClient;
  let kafka: Kafka;
  let topics: Awaited<ReturnType<typeof observedNotice>>['topics'];
  let stream: Awaited<ReturnType<typeof observedNotice>>['stream'];

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, { headers });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json');
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: json ? JSON.parse(text) : undefined,
    };
  };
  const card = async (code: string) => (await get(`/api/projects/${code}`)).body;
  const changeCount = async (code: string): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM notice.board_changes WHERE project_code = $1', [code]))
      .rows[0].n;
  const publicChanges = (code: string) =>
    topics.messages
      .filter((m) => m.key === code && m.headers['event-type'] === 'FlagBoardCardChanged')
      .map((m) => FlagBoardCardChangedV1.envelope.parse(JSON.parse(m.value)));

  beforeAll(async () => {
    notice = await observedNotice({
      clock,
      topics: [Topics.PUBLIC_FLAG_BOARD, deadLetterTopic(Topics.APPROVAL_PROCEDURE)],
    });
    ({ env, url, db, kafka, topics, stream } = notice);
  }, 120_000);

  afterAll(() => notice?.stop(), 60_000);

  // A project with an EIA accepted on 20 Sep 2023 (10 working days: due 10 Oct, after the holiday).
  const pumpedStorage = randomProjectCode();
  const chain = `储能-${pumpedStorage}`;
  const eia = (overrides: Parameters<typeof procedurePublic>[2]) =>
    procedurePublic(pumpedStorage, 'EIA', { committedWorkingDays: 10, ...overrides });
  const eiaAccepted = procedureEvent(
    'ProcedureAccepted',
    eia({
      sequence: 3,
      status: 'ACCEPTED',
      effectiveDate: '2023-09-20',
      applicationNumber: 1,
      acceptedOn: '2023-09-20',
      dueDate: '2023-10-10',
    }),
  );

  it('shows a project and its procedures from their events: board, card, stream and public topic', async () => {
    const listed = projectPublic(pumpedStorage, { chain, state: 'SIGNED', revision: 1 });
    await publish(kafka, Topics.INTAKE_PROJECT, [
      projectRegistered(listed),
      projectLifecycleChanged(
        { ...listed, revision: 2 },
        { from: 'SIGNED', to: 'PREPARING', effectiveDate: '2023-02-09' },
      ),
    ]);
    await publish(kafka, Topics.APPROVAL_PROCEDURE, [
      procedureEvent(
        'ProcedureOpened',
        procedurePublic(pumpedStorage, 'PROJECT_APPROVAL', {
          status: 'ALREADY_HELD',
          committedWorkingDays: null,
          documentNumber: '甘发改能源〔2022〕38号',
        }),
      ),
      procedureEvent('ProcedureOpened', eia({ sequence: 1 })),
      procedureEvent(
        'ProcedureSubmitted',
        eia({ sequence: 2, status: 'SUBMITTED', effectiveDate: '2023-09-18', applicationNumber: 1 }),
      ),
      eiaAccepted,
    ]);

    const shown = await eventually(async () => {
      const view = await card(pumpedStorage);
      expect(view?.card?.state).toBe('PREPARING');
      expect(view.card.procedures).toHaveLength(2);
      expect(view.card.procedures[1]).toMatchObject({ flag: 'BLUE', status: 'ACCEPTED' });
      return view;
    });
    expect(shown).toMatchObject({
      asOf: '2023-10-06',
      card: { code: pumpedStorage, state: 'PREPARING', chain, onList: true },
    });
    expect(shown.card.procedures[0]).toMatchObject({
      procedure: 'PROJECT_APPROVAL',
      flag: 'ALREADY_HELD',
      documentNumber: '甘发改能源〔2022〕38号',
    });
    expect(shown.card.procedures[1]).toMatchObject({
      procedure: 'EIA',
      committedDate: '2023-10-10',
      dueDate: '2023-10-10',
    });

    const board = (await get(`/api/board?chain=${encodeURIComponent(chain)}`)).body;
    expect(board.projects.map((p: { code: string }) => p.code)).toEqual([pumpedStorage]);
    expect(board.summary).toMatchObject({
      projects: 1,
      completion: { applicable: 1, completed: 0, rate: 0, target: 0.6 },
      flags: { BLUE: 1, ALREADY_HELD: 1 },
    });
    expect(board.lastChangeId).toBeGreaterThan(0);

    // One public change per change of the card, versions rising by one, the last one equal to the card served.
    const published = await eventually(() => {
      const changes = publicChanges(pumpedStorage);
      expect(changes.at(-1)?.payload.cardVersion).toBe(shown.cardVersion);
      return changes;
    });
    expect(published.map((e) => e.payload.cardVersion)).toEqual(published.map((_, i) => i + 1));
    expect(published.at(-1)!.payload).toMatchObject({ cause: 'EVENT', asOf: '2023-10-06', card: shown.card });
    expect(published.every((e) => e.aggregateId === pumpedStorage)).toBe(true);

    const streamed = await eventually(() => {
      const cards = stream.cards(pumpedStorage);
      expect(cards.at(-1)?.cardVersion).toBe(shown.cardVersion);
      return cards;
    });
    expect(streamed.at(-1)).toMatchObject({ onBoard: true, cause: 'EVENT', card: shown.card });
    expect(stream.raw()).toMatch(/^retry: \d+\n\n/);
    expect(stream.events.some((e) => e.event === 'summary')).toBe(true);
  }, 60_000);

  it('takes events out of order and redelivered, with no second effect', async () => {
    const code = randomProjectCode();
    const safety = (overrides: Parameters<typeof procedurePublic>[2]) =>
      procedurePublic(code, 'SAFETY', overrides);
    const opened = procedureEvent('ProcedureOpened', safety({ sequence: 1 }));
    const acceptedFacts = safety({
      sequence: 3,
      status: 'ACCEPTED',
      effectiveDate: '2023-09-25',
      acceptedOn: '2023-09-25',
      applicationNumber: 1,
      dueDate: '2023-10-20',
    });
    const accepted = procedureEvent('ProcedureAccepted', acceptedFacts);
    const approved = procedureEvent(
      'ProcedureApproved',
      safety({
        sequence: 4,
        status: 'APPROVED',
        effectiveDate: '2023-10-06',
        acceptedOn: '2023-09-25',
        applicationNumber: 1,
        dueDate: '2023-10-20',
        completedOn: '2023-10-06',
        documentNumber: '酒应急审〔2023〕12号',
      }),
    );
    // The procedures before their project, and the approval before the acceptance.
    await publish(kafka, Topics.APPROVAL_PROCEDURE, [approved, opened]);
    await publish(kafka, Topics.INTAKE_PROJECT, [projectRegistered(projectPublic(code, { revision: 1 }))]);
    await publish(kafka, Topics.APPROVAL_PROCEDURE, [accepted]);
    await eventually(async () => {
      expect(
        (await db.query('SELECT 1 FROM notice.processed_events WHERE event_id = $1', [accepted.eventId]))
          .rows,
      ).toHaveLength(1);
    });
    const before = await card(code);
    expect(before.card.procedures).toEqual([
      expect.objectContaining({ procedure: 'SAFETY', flag: 'GREEN', completedOn: '2023-10-06' }),
    ]);
    const changesBefore = await changeCount(code);

    // At-least-once delivery: the very same envelopes again, and the older snapshot under a new event id;
    // then one real change on the same key (same partition, so processed after them).
    const marker = procedureEvent('ProcedureOpened', procedurePublic(code, 'EIA'));
    await publish(kafka, Topics.APPROVAL_PROCEDURE, [
      approved,
      accepted,
      procedureEvent('ProcedureAccepted', acceptedFacts),
      marker,
    ]);
    const after = await eventually(async () => {
      const view = await card(code);
      expect(view.card.procedures).toHaveLength(2);
      return view;
    });
    expect(after.card.procedures[1]).toMatchObject({ procedure: 'SAFETY', flag: 'GREEN' });
    expect(after.cardVersion).toBe(before.cardVersion + 1);
    expect(await changeCount(code)).toBe(changesBefore + 1);
    const processed = await db.query(
      'SELECT count(*)::int AS n FROM notice.processed_events WHERE event_id = ANY($1::uuid[])',
      [[approved.eventId, accepted.eventId]],
    );
    expect(processed.rows[0].n).toBe(2);
  }, 60_000);

  it('dead-letters poison messages and keeps the partition flowing', async () => {
    const code = randomProjectCode();
    const good = procedureEvent('ProcedureOpened', procedurePublic(code, 'EIA'));
    const invalid = {
      ...good,
      eventId: randomUUID(),
      type: 'ProcedureApproved',
      payload: { public: { procedureId: good.payload.public.procedureId }, internal: {} },
    };
    await publishRaw(kafka, Topics.APPROVAL_PROCEDURE, [
      { key: code, value: '{"not json' },
      { key: code, value: JSON.stringify(invalid) },
      { key: code, value: JSON.stringify(good) },
    ]);
    await eventually(async () => {
      expect(
        (await db.query('SELECT 1 FROM notice.procedure_history WHERE event_id = $1', [good.eventId])).rows,
      ).toHaveLength(1);
    }, 30_000);
    const dead = await eventually(() => {
      const mine = topics.messages.filter(
        (m) => m.key === code && m.headers['dlq-consumer'] === FLAG_BOARD_CONSUMER,
      );
      expect(mine).toHaveLength(2);
      return mine;
    });
    expect(dead.map((m) => m.headers['dlq-error'])).toEqual([
      expect.stringContaining('malformed JSON'),
      expect.stringContaining('invalid ProcedureApproved'),
    ]);
    expect(dead.every((m) => m.headers['dlq-service'] === 'notice-service')).toBe(true);
  }, 60_000);

  it('turns flags with time alone: YELLOW at the midnight that makes it due soon, RED after the due date', async () => {
    const versionBefore = (await card(pumpedStorage)).cardVersion;
    clock.set('2023-10-06T23:59:59.000+08:00');
    const yellow = await eventually(async () => {
      const view = await card(pumpedStorage);
      expect(view.card.procedures[1]).toMatchObject({ procedure: 'EIA', flag: 'YELLOW' });
      return view;
    }, 15_000);
    expect(yellow).toMatchObject({ asOf: '2023-10-07', cardVersion: versionBefore + 1 });
    await eventually(() =>
      expect(publicChanges(pumpedStorage).at(-1)?.payload).toMatchObject({
        cause: 'TIME',
        asOf: '2023-10-07',
        cardVersion: yellow.cardVersion,
      }),
    );
    await eventually(() =>
      expect(stream.cards(pumpedStorage).at(-1)).toMatchObject({
        cause: 'TIME',
        cardVersion: yellow.cardVersion,
      }),
    );

    clock.set('2023-10-10T23:59:59.500+08:00');
    await eventually(
      async () => expect((await card(pumpedStorage)).card.procedures[1].flag).toBe('RED'),
      15_000,
    );
  }, 60_000);

  it('shows the board as it stood on any past day, from the history', async () => {
    const onDay = async (asOf: string) =>
      (await get(`/api/board?chain=${encodeURIComponent(chain)}&asOf=${asOf}`)).body;
    expect((await onDay('2023-01-16')).projects).toEqual([]);
    expect((await onDay('2023-02-08')).projects[0]).toMatchObject({ code: pumpedStorage, state: 'SIGNED' });
    const submitted = await onDay('2023-09-19');
    expect(submitted.projects[0]).toMatchObject({ state: 'PREPARING' });
    expect(submitted.projects[0].procedures[1]).toMatchObject({
      procedure: 'EIA',
      status: 'SUBMITTED',
      flag: 'GREY',
    });
    expect((await onDay('2023-10-06')).projects[0].procedures[1].flag).toBe('BLUE');
    expect(submitted).toMatchObject({ asOf: '2023-09-19', lastChangeId: null, updatedAt: null });

    // Today computed from the history is exactly today's stored board.
    const today = await get(`/api/board?asOf=2023-10-11`);
    const current = await get('/api/board');
    expect(today.body.projects).toEqual(current.body.projects);
    expect(today.body.summary).toEqual(current.body.summary);

    expect((await get(`/api/projects/${pumpedStorage}?asOf=2023-01-16`)).status).toBe(404);
    expect((await get(`/api/projects/${pumpedStorage}?asOf=2023-09-19`)).body).toMatchObject({
      asOf: '2023-09-19',
      cardVersion: null,
      card: { state: 'PREPARING' },
    });
  }, 30_000);

  it('refuses bad input with 400 naming the field', async () => {
    const future = await get('/api/board?asOf=2023-10-12');
    expect(future).toMatchObject({
      status: 400,
      body: { code: 'AS_OF_IN_FUTURE', message: expect.stringContaining('asOf') },
    });
    expect((await get('/api/board?asOf=2023-02-30')).body.message).toEqual([
      expect.stringContaining('asOf must be a calendar date'),
    ]);
    expect((await get('/api/board?flag=PURPLE')).body).toMatchObject({
      statusCode: 400,
      fields: [{ field: 'flag' }],
    });
    expect((await get('/api/board?department=XYZ')).body).toMatchObject({
      statusCode: 400,
      fields: [{ field: 'department' }],
    });
    expect((await get('/api/board?colour=RED')).body).toMatchObject({
      statusCode: 400,
      message: [expect.stringContaining('colour')],
    });
    expect((await get('/api/projects/not-a-code')).body).toMatchObject({
      statusCode: 400,
      fields: [{ field: 'code' }],
    });
    expect((await get('/api/projects/BJ-2023-0000001')).status).toBe(404);
  });

  it('is cacheable: ETag, 304 on If-None-Match, Cache-Control', async () => {
    for (const path of ['/api/board', `/api/projects/${pumpedStorage}`, '/', '/assets/board.js']) {
      const first = await get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]{32}"$/);
      expect(first.headers.get('cache-control')).toBe('public, no-cache');
      const again = await fetch(`${url}${path}`, { headers: { 'if-none-match': `W/"other", ${etag}` } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
    const past = await get('/api/board?asOf=2023-03-28');
    expect(past.headers.get('cache-control')).toBe('public, max-age=300');
    const page = await get('/');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('重点项目前期手续挂旗公示');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('lets a reconnecting client resume after its last event, or tells it to resync', async () => {
    const { lastChangeId } = (await get('/api/board')).body;
    const resumed = recordSse(`${url}/api/board/stream`, { 'last-event-id': String(lastChangeId - 2) });
    const ids = await eventually(() => {
      const cardIds = resumed.events.filter((e) => e.event === 'card').map((e) => Number(e.id));
      expect(cardIds).toEqual([lastChangeId - 1, lastChangeId]);
      return cardIds;
    });
    expect(ids).toHaveLength(2);
    const lost = recordSse(`${url}/api/board/stream?since=${lastChangeId + 1_000}`);
    await eventually(() => expect(lost.events.map((e) => e.event)).toContain('resync'));
    await Promise.all([resumed.close(), lost.close()]);
  });

  it('rebuilds the board from the stored history, identical', async () => {
    const before = await get('/api/board');
    expect(await rebuildNoticeBoard(env, clock)).toEqual({ cards: expect.any(Number), changed: [] });
    const after = await get('/api/board');
    expect(after.text).toBe(before.text);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));

    // A lost card and a corrupted one come back as the history says, published as REBUILD changes.
    const { cardVersion } = await card(pumpedStorage);
    await db.query(`DELETE FROM notice.cards WHERE code = $1`, [pumpedStorage]);
    await db.query(
      `UPDATE notice.cards SET card = jsonb_set(card, '{name}', '"篡改"'), card_hash = 'x' WHERE code <> $1`,
      [pumpedStorage],
    );
    const repaired = await rebuildNoticeBoard(env, clock);
    expect(repaired.changed).toContain(pumpedStorage);
    const rebuilt = await get('/api/board');
    expect(rebuilt.body.projects).toEqual(before.body.projects);
    expect(rebuilt.body.summary).toEqual(before.body.summary);
    const republished = await eventually(() => {
      const last = publicChanges(pumpedStorage).at(-1)!;
      expect(last.payload.cause).toBe('REBUILD');
      return last;
    });
    // Versions keep rising through the rebuild, so displays that keep the highest take it.
    expect(republished.payload.cardVersion).toBe(cardVersion + 1);
    expect((await card(pumpedStorage)).cardVersion).toBe(cardVersion + 1);
  }, 60_000);
});

describe('the public endpoints are rate limited', () => {
  let app: INestApplication;

  beforeAll(async () => {
    ({ app } = await startIsolatedNotice({
      env: { NOTICE_RATE_LIMIT: '5', NOTICE_RATE_WINDOW_SECONDS: '60' },
    }));
  }, 120_000);

  afterAll(() => app?.close(), 60_000);

  it('answers 429 with Retry-After once a client spends its budget, across every public endpoint', async () => {
    const paths = ['/api/board', '/api/board?cluster=OTHER', '/', '/assets/board.css', '/api/board'];
    const statuses = [];
    for (const path of paths) statuses.push((await fetch(`${baseUrl(app)}${path}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await fetch(`${baseUrl(app)}/api/projects/BJ-2023-0001`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Operations endpoints are not the public's budget.
    expect((await fetch(`${baseUrl(app)}/health`)).status).toBe(200);
  });
});
