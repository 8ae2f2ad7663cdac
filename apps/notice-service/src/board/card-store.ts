import type { EntityManager } from 'typeorm';
import {
  FlagBoardCardChangedV1,
  flagBoardCard,
  type FLAG_BOARD_CHANGE_CAUSES,
  type FlagBoardCard,
} from '@banjie/contracts';
import type { LocalDate } from '@banjie/domain';
import { appendManyToOutbox } from '@banjie/platform';
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

interface ChangeRow {
  id: string;
  project_code: string;
  card_version: number;
  cause: ChangeCause;
  as_of: string;
  changed_at: Date;
  card: unknown;
}

/** The current public cards, the feed of their changes, and their publication (outbox). */
export class CardStore {
  async lockBoard(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [BOARD_LOCK_KEY]);
  }

  async stored(manager: EntityManager, scope: ProjectScope): Promise<Map<string, StoredCard>> {
    const rows: { code: string; version: number; card_hash: string; changed_at: Date }[] =
      await manager.query(
        `SELECT code, version, card_hash, changed_at FROM notice.cards WHERE $1::text[] IS NULL OR code = ANY($1::text[])`,
        [scope === 'all' ? null : scope],
      );
    return new Map(
      rows.map((row) => [row.code, { version: row.version, hash: row.card_hash, changedAt: row.changed_at }]),
    );
  }

  /** The highest version each card ever had, also for cards no longer stored (a rebuild keeps versions rising). */
  async lastPublishedVersions(manager: EntityManager): Promise<Map<string, number>> {
    const rows: { project_code: string; version: number }[] = await manager.query(
      `SELECT project_code, max(card_version) AS version FROM notice.board_changes GROUP BY project_code`,
    );
    return new Map(rows.map((row) => [row.project_code, row.version]));
  }

  async deleteAll(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM notice.cards');
  }

  /** Stores cards as they are, without a change (a rebuild restoring identical cards). */
  async restore(
    manager: EntityManager,
    cards: readonly (CardVersion & { changedAt: Date })[],
  ): Promise<void> {
    for (const slice of slices(cards, CARDS_PER_STATEMENT))
      await this.upsert(
        manager,
        cardRows(slice, ({ changedAt }) => changedAt),
      );
  }

  /**
   * Stores new versions of cards, appends them to the change feed and publishes them, all in the
   * caller's transaction. The stream hears of them from `announceChanges`, once per transaction.
   */
  async change(
    manager: EntityManager,
    changes: readonly CardVersion[],
    cause: ChangeCause,
    asOf: LocalDate,
    at: Date,
    calendarVersion: number,
  ): Promise<void> {
    for (const slice of slices(changes, CARDS_PER_STATEMENT)) {
      const rows = cardRows(slice, () => at);
      await this.upsert(manager, rows);
      await manager.query(
        `INSERT INTO notice.board_changes (project_code, card_version, cause, as_of, card, changed_at)
         SELECT code, version, $2, $3, card, changed_at FROM jsonb_to_recordset($1::jsonb) AS change(code text, version int, card jsonb, changed_at timestamptz)`,
        [rows, cause, asOf],
      );
      await appendManyToOutbox(
        manager,
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
  async announceChanges(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_notify($1, max(id)::text) FROM notice.board_changes', [
      BOARD_CHANGES_CHANNEL,
    ]);
  }

  async cards(
    manager: EntityManager,
    code?: string,
  ): Promise<{ card: FlagBoardCard; version: number; changedAt: Date }[]> {
    const rows: { card: unknown; version: number; changed_at: Date }[] = await manager.query(
      `SELECT card, version, changed_at FROM notice.cards WHERE $1::text IS NULL OR code = $1`,
      [code ?? null],
    );
    return rows.map((row) => ({
      card: flagBoardCard.parse(row.card),
      version: row.version,
      changedAt: row.changed_at,
    }));
  }

  async lastChangeId(manager: EntityManager): Promise<number> {
    const [row]: { id: string | null }[] = await manager.query(
      'SELECT max(id) AS id FROM notice.board_changes',
    );
    return Number(row?.id ?? 0);
  }

  async firstChangeId(manager: EntityManager): Promise<number | null> {
    const [row]: { id: string | null }[] = await manager.query(
      'SELECT min(id) AS id FROM notice.board_changes',
    );
    return row?.id == null ? null : Number(row.id);
  }

  async changesAfter(manager: EntityManager, afterId: number, limit = 1_000): Promise<BoardChange[]> {
    const rows: ChangeRow[] = await manager.query(
      `SELECT id, project_code, card_version, cause, to_char(as_of, 'YYYY-MM-DD') AS as_of, changed_at, card
         FROM notice.board_changes WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      code: row.project_code,
      cardVersion: row.card_version,
      cause: row.cause,
      asOf: row.as_of,
      changedAt: row.changed_at.toISOString(),
      card: flagBoardCard.parse(row.card),
    }));
  }

  private async upsert(manager: EntityManager, rows: string): Promise<void> {
    await manager.query(
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
