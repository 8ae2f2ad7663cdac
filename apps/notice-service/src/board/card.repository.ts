import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  FlagBoardCardChangedV1,
  flagBoardCard,
  type FLAG_BOARD_CHANGE_CAUSES,
  type FlagBoardCard,
} from '@banjie/contracts';
import type { LocalDate } from '@banjie/domain';
import { appendManyToOutbox, type Tx } from '@banjie/platform';
import type { ProjectScope } from '../history/public-history.repository';

export type ChangeCause = (typeof FLAG_BOARD_CHANGE_CAUSES)[number];

/** Postgres channel the stream listens on; notified (on commit) with the last change id of a transaction that changed cards. */
export const BOARD_CHANGES_CHANNEL = 'notice_board_changes';

/**
 * Every transaction that may change cards takes this lock first. It serialises card versions,
 * and makes change ids commit in order, so a reader that resumes "after id N" never skips one.
 */
const BOARD_LOCK_KEY = 0x6e6f7469; // 'noti'

export interface StoredCard {
  version: number;
  hash: string;
  changedAt: Date;
}

/** A card at a version, with its fingerprint (`cardHash`). */
export interface CardVersion {
  card: FlagBoardCard;
  hash: string;
  version: number;
}

/** Cards written per statement: enough to make round trips rare, few enough to keep a statement's parameters small. */
const CARDS_PER_STATEMENT = 1_000;

export interface BoardChange {
  id: number;
  code: string;
  cardVersion: number;
  cause: ChangeCause;
  asOf: string;
  changedAt: string;
  card: FlagBoardCard;
}

/** A stored card as the read side serves it. */
export interface CurrentCard {
  card: FlagBoardCard;
  version: number;
  changedAt: Date;
}

interface StoredCardRow extends StoredCard {
  code: string;
}

interface CurrentCardRow extends Omit<CurrentCard, 'card'> {
  card: unknown;
}

interface ChangeRow {
  /** bigint: pg returns it as text. */
  id: string;
  code: string;
  cardVersion: number;
  cause: ChangeCause;
  asOf: string;
  changedAt: Date;
  card: unknown;
}

/**
 * The current public cards, the feed of their changes, and their publication (outbox). Writes run
 * in the caller's transaction; the read side (board, stream) reads through the pool.
 */
@Injectable()
export class CardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lockBoard(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOARD_LOCK_KEY]);
  }

  async stored(tx: Tx, scope: ProjectScope): Promise<Map<string, StoredCard>> {
    const rows: StoredCardRow[] = await tx.query(
      `SELECT code, version, card_hash AS hash, changed_at AS "changedAt" FROM notice.cards WHERE $1::text[] IS NULL OR code = ANY($1::text[])`,
      [scope === 'all' ? null : scope],
    );
    return new Map(rows.map(({ code, ...card }) => [code, card]));
  }

  /** The highest version each card ever had, also for cards no longer stored (a rebuild keeps versions rising). */
  async lastPublishedVersions(tx: Tx): Promise<Map<string, number>> {
    const rows: { code: string; version: number }[] = await tx.query(
      `SELECT project_code AS code, max(card_version) AS version FROM notice.board_changes GROUP BY project_code`,
    );
    return new Map(rows.map((row) => [row.code, row.version]));
  }

  async deleteAll(tx: Tx): Promise<void> {
    await tx.query('DELETE FROM notice.cards');
  }

  /** Stores cards as they are, without a change (a rebuild restoring identical cards). */
  async restore(tx: Tx, cards: readonly (CardVersion & { changedAt: Date })[]): Promise<void> {
    for (const slice of slices(cards, CARDS_PER_STATEMENT))
      await this.upsert(
        tx,
        cardRows(slice, ({ changedAt }) => changedAt),
      );
  }

  /**
   * Stores new versions of cards, appends them to the change feed and publishes them, all in the
   * caller's transaction. The stream hears of them from `announceChanges`, once per transaction.
   */
  async change(
    tx: Tx,
    changes: readonly CardVersion[],
    cause: ChangeCause,
    asOf: LocalDate,
    at: Date,
    calendarVersion: number,
  ): Promise<void> {
    for (const slice of slices(changes, CARDS_PER_STATEMENT)) {
      const rows = cardRows(slice, () => at);
      await this.upsert(tx, rows);
      await tx.query(
        `INSERT INTO notice.board_changes (project_code, card_version, cause, as_of, card, changed_at)
         SELECT code, version, $2, $3, card, changed_at FROM jsonb_to_recordset($1::jsonb) AS change(code text, version int, card jsonb, changed_at timestamptz)`,
        [rows, cause, asOf],
      );
      await appendManyToOutbox(
        tx,
        FlagBoardCardChangedV1,
        slice.map(({ card, version }) => ({
          aggregateId: card.code,
          payload: { cardVersion: version, calendarVersion, asOf, cause, card },
        })),
        at,
      );
    }
  }

  /**
   * Wakes the stream for every change of this transaction at once: on each notification it reads
   * all the changes after the last one it sent, so the last id is all it needs to hear.
   */
  async announceChanges(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_notify($1, max(id)::text) FROM notice.board_changes', [BOARD_CHANGES_CHANNEL]);
  }

  /** Today's stored cards (one project's when `code` is given). */
  async cards(code?: string): Promise<CurrentCard[]> {
    const rows: CurrentCardRow[] = await this.dataSource.query(
      `SELECT card, version, changed_at AS "changedAt" FROM notice.cards WHERE $1::text IS NULL OR code = $1`,
      [code ?? null],
    );
    return rows.map((row) => ({
      card: flagBoardCard.parse(row.card),
      version: row.version,
      changedAt: row.changedAt,
    }));
  }

  async lastChangeId(): Promise<number> {
    const [row]: { id: string | null }[] = await this.dataSource.query(
      'SELECT max(id) AS id FROM notice.board_changes',
    );
    return Number(row?.id ?? 0);
  }

  async firstChangeId(): Promise<number | null> {
    const [row]: { id: string | null }[] = await this.dataSource.query(
      'SELECT min(id) AS id FROM notice.board_changes',
    );
    return row?.id == null ? null : Number(row.id);
  }

  async changesAfter(afterId: number, limit = 1_000): Promise<BoardChange[]> {
    const rows: ChangeRow[] = await this.dataSource.query(
      `SELECT id, project_code AS code, card_version AS "cardVersion", cause, to_char(as_of, 'YYYY-MM-DD') AS "asOf",
              changed_at AS "changedAt", card
         FROM notice.board_changes WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      code: row.code,
      cardVersion: row.cardVersion,
      cause: row.cause,
      asOf: row.asOf,
      changedAt: row.changedAt.toISOString(),
      card: flagBoardCard.parse(row.card),
    }));
  }

  private async upsert(tx: Tx, rows: string): Promise<void> {
    await tx.query(
      `INSERT INTO notice.cards (code, version, card, card_hash, on_list, changed_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS card(code text, version int, card jsonb, card_hash text, on_list boolean, changed_at timestamptz)
       ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, card = EXCLUDED.card, card_hash = EXCLUDED.card_hash,
         on_list = EXCLUDED.on_list, changed_at = EXCLUDED.changed_at`,
      [rows],
    );
  }
}

/**
 * Cards as rows of `notice.cards`, in one JSON document for `jsonb_to_recordset`: one parameter
 * carries them all, serialised natively (pg escapes array parameters element by element, slowly).
 */
function cardRows<C extends CardVersion>(cards: readonly C[], changedAt: (card: C) => Date): string {
  return JSON.stringify(
    cards.map((entry) => ({
      code: entry.card.code,
      version: entry.version,
      card: entry.card,
      card_hash: entry.hash,
      on_list: entry.card.onList,
      changed_at: changedAt(entry),
    })),
  );
}

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
