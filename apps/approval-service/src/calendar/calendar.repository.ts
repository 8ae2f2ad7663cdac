import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPage, type Page, type PageQuery, type Tx } from '@banjie/platform';
import type { CalendarChange } from '@banjie/contracts';
import type { CalendarOverride, LocalDate, NamedHoliday, YearArrangement } from '@banjie/domain';

export interface CalendarVersionRow {
  version: number;
  change: CalendarChange;
  changedBy: string;
  reason: string | null;
  packageFingerprint: string;
  changedAt: string;
}

export interface PublishedYearRow {
  year: number;
  reference: string;
  holidays: NamedHoliday[];
  workingDays: LocalDate[];
  version: number;
  publishedBy: string;
  reason: string | null;
  publishedAt: string;
}

const VERSION_COLUMNS = `version, change, changed_by AS "changedBy", reason, package_fingerprint AS "packageFingerprint", changed_at AS "changedAt"`;
const YEAR_COLUMNS = `year, reference, holidays, working_days AS "workingDays", version, published_by AS "publishedBy", reason, published_at AS "publishedAt"`;

/**
 * The calendar's tables: its versions (append-only audit trail), published years and local overrides.
 * The reads run in the caller's transaction when given one, on the pool otherwise.
 */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises calendar changes: each takes the next version number. */
  async lock(tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('approval.calendar'))`);
  }

  async latestVersion(tx: Tx = this.dataSource.manager): Promise<CalendarVersionRow | null> {
    const rows: CalendarVersionRow[] = await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM approval.calendar_versions ORDER BY version DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  /** One page of the versions, newest first. */
  versions(query: PageQuery): Promise<Page<CalendarVersionRow>> {
    return queryPage<CalendarVersionRow>(
      this.dataSource,
      { columns: VERSION_COLUMNS, from: 'FROM approval.calendar_versions', orderBy: 'version DESC' },
      query,
    );
  }

  async addVersion(tx: Tx, row: Omit<CalendarVersionRow, 'changedAt'>): Promise<void> {
    await tx.query(
      `INSERT INTO approval.calendar_versions (version, change, changed_by, reason, package_fingerprint) VALUES ($1, $2, $3, $4, $5)`,
      [row.version, JSON.stringify(row.change), row.changedBy, row.reason, row.packageFingerprint],
    );
  }

  publishedYears(tx: Tx = this.dataSource.manager): Promise<PublishedYearRow[]> {
    return tx.query(`SELECT ${YEAR_COLUMNS} FROM approval.calendar_years ORDER BY year`);
  }

  async publishedYear(year: number): Promise<PublishedYearRow | null> {
    const rows: PublishedYearRow[] = await this.dataSource.query(
      `SELECT ${YEAR_COLUMNS} FROM approval.calendar_years WHERE year = $1`,
      [year],
    );
    return rows[0] ?? null;
  }

  async saveYear(
    tx: Tx,
    year: YearArrangement & { reference: string },
    version: number,
    publishedBy: string,
    reason: string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO approval.calendar_years (year, reference, holidays, working_days, version, published_by, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (year) DO UPDATE SET reference = EXCLUDED.reference, holidays = EXCLUDED.holidays, working_days = EXCLUDED.working_days,
         version = EXCLUDED.version, published_by = EXCLUDED.published_by, reason = EXCLUDED.reason, published_at = now()`,
      [
        year.year,
        year.reference,
        JSON.stringify(year.holidays),
        JSON.stringify(year.workingDays),
        version,
        publishedBy,
        reason,
      ],
    );
  }

  overrides(tx: Tx = this.dataSource.manager): Promise<CalendarOverride[]> {
    return tx.query(`SELECT date::text AS date, kind, note FROM approval.calendar_overrides ORDER BY date`);
  }

  async saveOverride(tx: Tx, override: CalendarOverride, version: number, recordedBy: string): Promise<void> {
    await tx.query(
      `INSERT INTO approval.calendar_overrides (date, kind, note, recorded_by, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, version = EXCLUDED.version, recorded_at = now()`,
      [override.date, override.kind, override.note, recordedBy, version],
    );
  }

  /** True when there was an override on that day. */
  async removeOverride(tx: Tx, date: string): Promise<boolean> {
    const [, deleted] = (await tx.query(`DELETE FROM approval.calendar_overrides WHERE date = $1`, [
      date,
    ])) as [unknown, number];
    return deleted > 0;
  }
}
