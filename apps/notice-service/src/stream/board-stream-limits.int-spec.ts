import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as PgClient } from 'pg';
import { Topics } from '@banjie/contracts';
import { PROCEDURE_CATALOGUE } from '@banjie/domain';
import { baseUrl, eventually } from '@banjie/testing';
import {
  procedureEvent,
  procedurePublic,
  projectPublic,
  projectRegistered,
  projectUpdated,
  randomProjectCode,
} from '../test/notice-events';
import { publish, recordSse, startIsolatedNotice, testKafka } from '../test/notice-api';
import { memoryAfterGc, openSilentStream, peakOf, type SilentStream } from '../test/stream-clients';

/**
 * The public stream against clients that open many connections, never read, and ask to resume
 * from an old change id (issue 17). The service runs in this process: its memory is ours.
 */
describe('the public board stream is bounded', () => {
  const KiB = 1_024;
  const limits = {
    NOTICE_SSE_MAX_STREAMS: '45',
    NOTICE_SSE_MAX_STREAMS_PER_CLIENT: '5',
    NOTICE_SSE_MAX_BUFFERED_BYTES: String(256 * KiB),
    NOTICE_SSE_REPLAY_MAX_EVENTS: '1000',
    NOTICE_SSE_REPLAY_MAX_BYTES: String(128 * KiB),
  };
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let db: PgClient;
  const projects = Array.from({ length: 100 }, () => randomProjectCode());
  let revision = 1;

  const lastChangeId = async (): Promise<number> =>
    Number((await db.query('SELECT coalesce(max(id), 0) AS id FROM notice.board_changes')).rows[0].id);

  /** One new version of each of these projects' cards (a renamed project), in one batch of changes. */
  const touch = async (codes: string[]): Promise<number> => {
    const before = await lastChangeId();
    revision += 1;
    await publish(
      kafka,
      Topics.INTAKE_PROJECT,
      codes.map((code) =>
        projectUpdated(projectPublic(code, { name: `重点项目 ${code} 第${revision}版`, revision })),
      ),
    );
    return eventually(async () => {
      const after = await lastChangeId();
      expect(after).toBeGreaterThanOrEqual(before + codes.length);
      return after;
    }, 60_000);
  };

  beforeAll(async () => {
    ({ app } = await startIsolatedNotice({ env: limits }).then(async (started) => {
      db = new PgClient({ connectionString: started.databaseUrl });
      await db.connect();
      return started;
    }));
    url = baseUrl(app);
    kafka = testKafka();
    // 100 projects with every procedure of the catalogue (cards of the size the real board has), then 1,000 changes of them.
    await publish(
      kafka,
      Topics.INTAKE_PROJECT,
      projects.map((code) => projectRegistered(projectPublic(code, { revision }))),
    );
    await publish(
      kafka,
      Topics.APPROVAL_PROCEDURE,
      projects.flatMap((code) =>
        Object.keys(PROCEDURE_CATALOGUE).map((procedure) =>
          procedureEvent(
            'ProcedureOpened',
            procedurePublic(code, procedure as keyof typeof PROCEDURE_CATALOGUE),
          ),
        ),
      ),
    );
    await eventually(
      async () =>
        expect(
          Number((await db.query('SELECT count(*) AS n FROM notice.board_changes')).rows[0].n),
        ).toBeGreaterThanOrEqual(projects.length),
      60_000,
    );
    for (let round = 0; round < 10; round++) await touch(projects);
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
  }, 60_000);

  const streamPath = '/api/board/stream';
  const addresses = Array.from({ length: 8 }, (_, index) => `127.0.0.${index + 2}`);

  /** The JSON body of a refused stream (the whole answer comes in the first chunk). */
  const bodyOf = (refused: SilentStream) =>
    JSON.parse(refused.head.slice(refused.head.indexOf('\r\n\r\n') + 4));

  it('refuses a client more than its streams with 429 before any stream byte, whatever X-Forwarded-For says, and admits it again once one closes', async () => {
    const client = '127.0.0.20';
    const held: SilentStream[] = [];
    for (let index = 0; index < 5; index++)
      held.push(await openSilentStream(url, { path: streamPath, localAddress: client }));
    expect(held.map((stream) => stream.status)).toEqual([200, 200, 200, 200, 200]);
    for (const forwardedFor of [undefined, '198.51.100.7', '127.0.0.21']) {
      const refused = await openSilentStream(url, {
        path: streamPath,
        localAddress: client,
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      });
      expect(refused.status).toBe(429);
      expect(refused.head).toMatch(/\r\nretry-after: 30\r\n/i);
      expect(refused.head).not.toMatch(/text\/event-stream|\r\nretry: /);
      expect(bodyOf(refused)).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'TOO_MANY_STREAMS_FROM_CLIENT',
        message: expect.stringContaining('5 board streams'),
      });
      refused.destroy();
    }
    // Another client is not affected.
    const neighbour = await openSilentStream(url, { path: streamPath, localAddress: '127.0.0.21' });
    expect(neighbour.status).toBe(200);
    // A closed stream gives its place back.
    held.shift()!.destroy();
    await eventually(async () => {
      const again = await openSilentStream(url, { path: streamPath, localAddress: client });
      held.push(again);
      expect(again.status).toBe(200);
    });
    [...held, neighbour].forEach((stream) => stream.destroy());
  });

  it('refuses everyone with 503 once the service holds its total of streams', async () => {
    const held: SilentStream[] = [];
    for (let index = 0; index < 45; index++)
      held.push(
        await openSilentStream(url, {
          path: streamPath,
          localAddress: `127.0.0.${30 + Math.floor(index / 5)}`,
        }),
      );
    expect(held.every((stream) => stream.status === 200)).toBe(true);
    const refused = await openSilentStream(url, { path: streamPath, localAddress: '127.0.0.40' });
    expect(refused.status).toBe(503);
    expect(refused.head).toMatch(/\r\nretry-after: 30\r\n/i);
    expect(bodyOf(refused)).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'TOO_MANY_STREAMS',
      message: expect.stringContaining('45 board streams'),
    });
    [...held, refused].forEach((stream) => stream.destroy());
    // The board itself still answers.
    expect((await fetch(`${url}/api/board`)).status).toBe(200);
  });

  it('answers a resume from further back than it replays with one resync event, and replays a near one', async () => {
    const last = await touch(projects.slice(0, 3));
    await sleep(500);
    // 999 changes of 3.5 KB cards: more than NOTICE_SSE_REPLAY_MAX_BYTES.
    const far = recordSse(`${url}${streamPath}`, { 'last-event-id': String(last - 999) });
    const resync = await eventually(() => {
      const found = far.events.find((event) => event.event === 'resync');
      expect(found).toBeDefined();
      return found!;
    });
    expect(far.events.filter((event) => event.event === 'card')).toEqual([]);
    expect(JSON.parse(resync.data)).toEqual({ reason: expect.stringContaining('reload the board') });
    // Its id moves the client's Last-Event-ID past what it skipped, so a reconnect does not ask for it again.
    expect(Number(resync.id)).toBe(last);
    expect(far.raw().length).toBeLessThan(1_000);
    const near = recordSse(`${url}${streamPath}`, { 'last-event-id': String(last - 3) });
    await eventually(() =>
      expect(near.events.filter((event) => event.event === 'card').map((event) => Number(event.id))).toEqual([
        last - 2,
        last - 1,
        last,
      ]),
    );
    await Promise.all([far.close(), near.close()]);
  });

  it('keeps its memory when 40 clients that do not read ask to resume from an old id while the board changes', async () => {
    const last = await lastChangeId();
    const before = memoryAfterGc();
    // 40 sockets, 5 from each of 8 addresses: within the caps, so what bounds the memory is backpressure and bounded resume.
    const sockets: SilentStream[] = [];
    for (let index = 0; index < 40; index++) {
      sockets.push(
        await openSilentStream(url, {
          path: streamPath,
          headers: { 'last-event-id': String(last - 999) },
          localAddress: addresses[index % addresses.length]!,
        }),
      );
    }
    expect(sockets.map((socket) => socket.status)).toEqual(sockets.map(() => 200));
    // The board keeps changing: batches of ≈ 96 KiB of card events (below the replay bound, so sent as cards), 6 MiB in all —
    // more than the kernel takes for a connection that is not read (≈ 4 MiB here).
    const board = (await (await fetch(`${url}/api/board`)).json()) as { projects: unknown[] };
    const cardEventBytes =
      Math.max(...board.projects.map((card) => Buffer.byteLength(JSON.stringify(card)))) + 300;
    const perBatch = Math.floor((96 * KiB) / cardEventBytes);
    const batches = Math.ceil((6 * 1_024 * KiB) / (perBatch * cardEventBytes));
    // What the service holds (after a full collection) every few batches: its highest is the peak.
    const samples = [before];
    for (let batch = 0; batch < batches; batch++) {
      await touch(projects.slice(0, perBatch));
      if (batch % 5 === 4) samples.push(memoryAfterGc());
    }
    await sleep(2_000);
    const after = memoryAfterGc();
    const peak = peakOf([...samples, after]);
    const received = await Promise.all(sockets.map((socket) => socket.drain(5_000)));
    const dropped = received.filter((bytes) => bytes !== null).length;
    sockets.forEach((socket) => socket.destroy());
    const figures = {
      sockets: sockets.length,
      resumeBehind: 999,
      cardEventBytes,
      changesWhileOpen: `${batches} batches of ${perBatch}`,
      limits,
      memoryMb: { before, peak, after },
      dropped,
      receivedBytesOfDropped: received.filter((bytes): bytes is number => bytes !== null),
    };
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/board-stream-memory.json', `${JSON.stringify(figures, null, 2)}\n`);
    // 40 × the buffer bound is 10 MiB (20 as UTF-16 strings): what the service holds may not grow by more than that and some slack.
    expect(peak.heapMb + peak.externalMb - (before.heapMb + before.externalMb)).toBeLessThan(40);
    // Slow clients are dropped, not buffered: each got far less than what was sent while it did not read.
    expect(dropped).toBe(40);
  }, 300_000);
});
