import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { startNotifiedLoop, type NotifiedLoop } from '@banjie/platform';
import type { FlagBoardCard } from '@banjie/contracts';
import {
  cardsOnBoard,
  isOnBoard,
  summarize,
  type BoardFilters,
  type BoardSummary,
} from '../board/board-view';
import { BOARD_CHANGES_CHANNEL, CardRepository, type BoardChange } from '../board/card.repository';
import { NOTICE_CONFIG, type NoticeConfig, type StreamConfig } from '../config';
import { publicClientOf } from '../http/public-client';
import { BoardStreamMetrics } from './board-stream.metrics';
import { formatSseEvent } from './sse-format';
import { StreamAdmission, type StreamRefusal } from './stream-admission';

interface StreamClient {
  filters: BoardFilters;
  response: Response;
}

/** A NOTIFY may be lost while the listener reconnects: poll slowly as well. */
const POLL_MS = 2_000;
/** Changes read from the feed per query when broadcasting. */
const READ_BATCH = 1_000;
/** A refused client may try again after this long (the service's or its own streams must close first). */
const RETRY_REFUSED_AFTER_SECONDS = 30;

const REFUSALS: Record<StreamRefusal, { status: HttpStatus; message: (limits: StreamConfig) => string }> = {
  TOO_MANY_STREAMS_FROM_CLIENT: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: ({ maxStreamsPerClient }) =>
      `this address already has ${maxStreamsPerClient} board streams open (the most one client may hold): close one, or share one stream between screens`,
  },
  TOO_MANY_STREAMS: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: ({ maxStreams }) =>
      `the service holds its maximum of ${maxStreams} board streams: try again later, or poll GET /api/board`,
  },
};

/**
 * Server-Sent Events for displays: one `card` event per change of the public board (its id is the
 * change id), then a `summary` event with the header figures for the client's filters.
 * Changes are committed in id order (board lock) and announced by NOTIFY on commit; a client that
 * reconnects with Last-Event-ID (or `?since=`) gets what it missed replayed, or a `resync` event
 * when that is not possible, after which it reloads the board.
 *
 * Public, so bounded (issue 17): streams are admitted within a total and a per-client limit; a
 * replay or a batch of changes larger than `replayMaxBytes` is a `resync` instead; a client with
 * more than `maxBufferedBytes` waiting to be sent does not read and is disconnected.
 */
@Injectable()
export class BoardStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BoardStream.name);
  private readonly clients = new Set<StreamClient>();
  private readonly admission: StreamAdmission;
  private readonly limits: StreamConfig;
  private lastBroadcastId = 0;
  /**
   * Every card as of `lastBroadcastId`, kept up to date from the change feed itself: the summary
   * after each broadcast needs the whole board, and reading and validating every stored card per
   * broadcast was the notice service's main cost under load (docs/performance.md).
   */
  private readonly board = new Map<string, FlagBoardCard>();
  /** Broadcasts and replays run one at a time, so a joining client neither misses nor doubles a change. */
  private serial: Promise<void> = Promise.resolve();
  private heartbeat: NodeJS.Timeout | undefined;
  private broadcasts: NotifiedLoop | undefined;

  constructor(
    private readonly store: CardRepository,
    @Inject(NOTICE_CONFIG) private readonly config: NoticeConfig,
    private readonly metrics: BoardStreamMetrics,
  ) {
    this.limits = config.stream;
    this.admission = new StreamAdmission(config.stream);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.lastBroadcastId = await this.store.lastChangeId();
    // Cards committed after that id are set again, in order, when their changes are broadcast.
    for (const { card } of await this.store.cards()) this.board.set(card.code, card);
    this.broadcasts = await startNotifiedLoop(
      {
        name: 'board stream',
        databaseUrl: this.config.DATABASE_URL,
        channel: BOARD_CHANGES_CHANNEL,
        pollMs: POLL_MS,
        logger: this.logger,
      },
      () => this.serially(() => this.broadcastNewChanges()),
    );
    // A named event, not a comment: the page's watchdog sees it and knows the stream is alive.
    this.heartbeat = setInterval(() => this.writeAll(formatSseEvent('ping', {})), this.limits.heartbeatMs);
  }

  /** Before the HTTP server closes: open streams would keep it waiting. Clients reconnect to the next instance. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.broadcasts?.stop();
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }

  /**
   * Opens a stream; `resumeAfter` is the last change id the client has (null for a fresh client),
   * `invalid` when it sent garbage. Over a limit it throws (429 or 503) before anything is written.
   */
  async open(
    request: Request,
    response: Response,
    filters: BoardFilters,
    resumeAfter: number | null | 'invalid',
  ): Promise<void> {
    this.admit(request, response);
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: ${this.limits.retryMs}\n\n`);
    const client: StreamClient = { filters, response };
    response.once('close', () => this.clients.delete(client));
    await this.serially(async () => {
      if (response.destroyed) return;
      if (resumeAfter !== null) await this.replay(client, resumeAfter);
      if (!response.destroyed) this.clients.add(client);
    });
  }

  /** Takes a place for the stream until its connection closes, or refuses it. */
  private admit(request: Request, response: Response): void {
    const admission = this.admission.admit(publicClientOf(request));
    if (!admission.admitted) {
      this.metrics.refused.inc({ limit: admission.refusal });
      const { status, message } = REFUSALS[admission.refusal];
      response.setHeader('Retry-After', String(RETRY_REFUSED_AFTER_SECONDS));
      throw new HttpException(
        { statusCode: status, code: admission.refusal, message: message(this.limits) },
        status,
      );
    }
    const release = () => {
      admission.release();
      this.metrics.open.set(this.admission.open);
    };
    this.metrics.open.set(this.admission.open);
    if (response.destroyed) release();
    else response.once('close', release);
  }

  private async replay(client: StreamClient, resumeAfter: number | 'invalid'): Promise<void> {
    const first = await this.store.firstChangeId();
    const behind = resumeAfter === 'invalid' ? Infinity : this.lastBroadcastId - resumeAfter;
    const pruned = first !== null && resumeAfter !== 'invalid' && resumeAfter < first - 1;
    if (behind < 0 || behind > this.limits.replayMaxEvents || pruned) {
      this.resync(
        client,
        this.lastBroadcastId,
        'the changes since your last event cannot be replayed: reload the board',
      );
      return;
    }
    if (behind === 0) return;
    const missed = (await this.store.changesAfter(resumeAfter as number, behind)).filter(
      (change) => change.id <= this.lastBroadcastId,
    );
    await this.send([client], missed);
  }

  private async broadcastNewChanges(): Promise<void> {
    for (;;) {
      const changes = await this.store.changesAfter(this.lastBroadcastId, READ_BATCH);
      if (changes.length === 0) return;
      this.lastBroadcastId = changes[changes.length - 1]!.id;
      for (const change of changes) this.board.set(change.code, change.card);
      if (this.clients.size > 0) await this.send([...this.clients], changes);
    }
  }

  /**
   * The changes as `card` events, then one `summary` per client for its filters (computed once per
   * filter set); more than `replayMaxBytes` of them is a `resync` instead.
   */
  private async send(clients: StreamClient[], changes: BoardChange[]): Promise<void> {
    if (changes.length === 0) return;
    const lastChangeId = changes[changes.length - 1]!.id;
    const cards = [...this.board.values()];
    const summaries = new Map<string, BoardSummary>();
    for (const client of clients) {
      const events = this.cardEvents(client, changes);
      if (events === null) {
        this.resync(client, lastChangeId, 'more changes than the stream sends at once: reload the board');
        continue;
      }
      const key = JSON.stringify(client.filters);
      if (!summaries.has(key))
        summaries.set(key, summarize(cardsOnBoard(cards, client.filters), client.filters));
      events.push(formatSseEvent('summary', { lastChangeId, summary: summaries.get(key) }));
      // One write per client and broadcast: a write per event was a third of the service's CPU in system calls.
      this.write(client, events.join(''));
    }
  }

  /** The `card` events of these changes for a client, or null once they pass `replayMaxBytes`. */
  private cardEvents(client: StreamClient, changes: BoardChange[]): string[] | null {
    const events: string[] = [];
    let bytes = 0;
    for (const { id, card, ...rest } of changes) {
      const event = formatSseEvent(
        'card',
        { changeId: id, ...rest, onBoard: isOnBoard(card, client.filters), card },
        id,
      );
      bytes += Buffer.byteLength(event);
      if (bytes > this.limits.replayMaxBytes) return null;
      events.push(event);
    }
    return events;
  }

  /** Tells a client to reload the board; the id is where the stream goes on from, which the reloaded board includes. */
  private resync(client: StreamClient, lastChangeId: number, reason: string): void {
    this.metrics.resyncs.inc();
    this.write(client, formatSseEvent('resync', { reason }, lastChangeId));
  }

  private writeAll(text: string): void {
    for (const client of this.clients) this.write(client, text);
  }

  /** Writes to a client, and disconnects it when what waits to be sent passes the bound: a client that does not read is dropped, not buffered. */
  private write(client: StreamClient, text: string): void {
    const { response } = client;
    if (response.destroyed) return;
    response.write(text);
    if (response.writableLength <= this.limits.maxBufferedBytes) return;
    this.clients.delete(client);
    this.metrics.dropped.inc();
    response.destroy();
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.serial.then(work);
    this.serial = next.catch(() => undefined);
    return next;
  }
}
