import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { listenForNotifications, type NotificationListener } from '@banjie/platform';
import type { FlagBoardCard } from '@banjie/contracts';
import { cardsOnBoard, isOnBoard, summarize, type BoardFilters, type BoardSummary } from '../board/board-view';
import { BOARD_CHANGES_CHANNEL, CardStore, type BoardChange } from '../board/card-store';
import { NOTICE_CONFIG, type NoticeConfig } from '../config';
import { formatSseEvent } from './sse-format';

interface StreamClient {
  filters: BoardFilters;
  response: Response;
}

/** A NOTIFY may be lost while the listener reconnects: poll slowly as well. */
const POLL_MS = 2_000;
/** A client further behind than this resyncs from the board instead of replaying. */
const MAX_REPLAY = 1_000;

/**
 * Server-Sent Events for displays: one `card` event per change of the public board (its id is the
 * change id), then a `summary` event with the header figures for the client's filters.
 * Changes are committed in id order (board lock) and announced by NOTIFY on commit; a client that
 * reconnects with Last-Event-ID (or `?since=`) gets what it missed replayed, or a `resync` event
 * when that is not possible, after which it reloads the board.
 */
@Injectable()
export class BoardStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BoardStream.name);
  private readonly clients = new Set<StreamClient>();
  private lastBroadcastId = 0;
  /**
   * Every card as of `lastBroadcastId`, kept up to date from the change feed itself: the summary
   * after each broadcast needs the whole board, and reading and validating every stored card per
   * broadcast was the notice service's main cost under load (docs/performance.md).
   */
  private readonly board = new Map<string, FlagBoardCard>();
  /** Broadcasts and replays run one at a time, so a joining client neither misses nor doubles a change. */
  private serial: Promise<void> = Promise.resolve();
  private listener: NotificationListener | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CardStore,
    @Inject(NOTICE_CONFIG) private readonly config: NoticeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.lastBroadcastId = await this.store.lastChangeId(this.dataSource.manager);
    // Cards committed after that id are set again, in order, when their changes are broadcast.
    for (const { card } of await this.store.cards(this.dataSource.manager)) this.board.set(card.code, card);
    this.listener = await listenForNotifications(this.config.DATABASE_URL, BOARD_CHANGES_CHANNEL, () => this.wake?.(), this.logger);
    // A named event, not a comment: the page's watchdog sees it and knows the stream is alive.
    this.heartbeat = setInterval(() => this.writeAll(formatSseEvent('ping', {})), this.config.stream.heartbeatMs);
    this.running = true;
    this.loop = this.run();
  }

  /** Before the HTTP server closes: open streams would keep it waiting. Clients reconnect to the next instance. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.response.end();
    this.clients.clear();
    await this.listener?.close();
  }

  /** Opens a stream; `resumeAfter` is the last change id the client has (null for a fresh client), `invalid` when it sent garbage. */
  async open(request: Request, response: Response, filters: BoardFilters, resumeAfter: number | null | 'invalid'): Promise<void> {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: ${this.config.stream.retryMs}\n\n`);
    const client: StreamClient = { filters, response };
    request.on('close', () => this.clients.delete(client));
    await this.serially(async () => {
      if (response.writableEnded || request.destroyed) return;
      if (resumeAfter !== null) await this.replay(client, resumeAfter);
      this.clients.add(client);
    });
  }

  private async replay(client: StreamClient, resumeAfter: number | 'invalid'): Promise<void> {
    const first = await this.store.firstChangeId(this.dataSource.manager);
    const behind = resumeAfter === 'invalid' ? Infinity : this.lastBroadcastId - resumeAfter;
    const pruned = first !== null && resumeAfter !== 'invalid' && resumeAfter < first - 1;
    if (behind < 0 || behind > MAX_REPLAY || pruned) {
      client.response.write(formatSseEvent('resync', { reason: 'the changes since your last event cannot be replayed: reload the board' }));
      return;
    }
    if (behind === 0) return;
    const missed = (await this.store.changesAfter(this.dataSource.manager, resumeAfter as number, behind)).filter((change) => change.id <= this.lastBroadcastId);
    await this.send([client], missed);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const notified = new Promise<void>((resolve) => (this.wake = resolve));
      try {
        await this.serially(() => this.broadcastNewChanges());
      } catch (error) {
        this.logger.warn(`board stream: ${(error as Error).message}`);
      }
      await Promise.race([notified, sleep(POLL_MS)]);
    }
  }

  private async broadcastNewChanges(): Promise<void> {
    for (;;) {
      const changes = await this.store.changesAfter(this.dataSource.manager, this.lastBroadcastId, MAX_REPLAY);
      if (changes.length === 0) return;
      this.lastBroadcastId = changes[changes.length - 1]!.id;
      for (const change of changes) this.board.set(change.code, change.card);
      if (this.clients.size > 0) await this.send([...this.clients], changes);
    }
  }

  /** The changes as `card` events, then one `summary` per client for its filters (computed once per filter set). */
  private async send(clients: StreamClient[], changes: BoardChange[]): Promise<void> {
    if (changes.length === 0) return;
    const cards = [...this.board.values()];
    const summaries = new Map<string, BoardSummary>();
    for (const client of clients) {
      const events = changes.map(({ id, card, ...rest }) => formatSseEvent('card', { changeId: id, ...rest, onBoard: isOnBoard(card, client.filters), card }, id));
      const key = JSON.stringify(client.filters);
      if (!summaries.has(key)) summaries.set(key, summarize(cardsOnBoard(cards, client.filters), client.filters));
      events.push(formatSseEvent('summary', { lastChangeId: changes[changes.length - 1]!.id, summary: summaries.get(key) }));
      // One write per client and broadcast: a write per event was a third of the service's CPU in system calls.
      client.response.write(events.join(''));
    }
  }

  private writeAll(text: string): void {
    for (const client of this.clients) client.response.write(text);
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.serial.then(work);
    this.serial = next.catch(() => undefined);
    return next;
  }
}
