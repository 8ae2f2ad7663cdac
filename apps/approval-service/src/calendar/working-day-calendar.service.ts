import { Inject, Injectable } from '@nestjs/common';
import {
  packageYears,
  shanghaiLocalDate,
  workingDayCalendarOf,
  type CalendarDefinition,
  type WorkingDayCalendar,
  type YearArrangement,
} from '@banjie/domain';
import type { Tx } from '@banjie/platform';
import { APPROVAL_CONFIG, type ApprovalConfig } from '../config';
import { CalendarRepository, type PublishedYearRow } from './calendar.repository';

/** The package's years with the published ones put over them (a published year wins), then the published years after the package. */
export function knownYearsOf(
  packaged: readonly YearArrangement[],
  published: readonly PublishedYearRow[],
): YearArrangement[] {
  const byYear = new Map<number, YearArrangement>(packaged.map((year) => [year.year, year]));
  for (const row of published) {
    byYear.set(row.year, {
      year: row.year,
      source: 'PUBLISHED',
      reference: row.reference,
      holidays: row.holidays,
      workingDays: row.workingDays,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The working-day calendar this service owns: the chinese-days package, the years admins
 * published, the city's local overrides — at the latest version of `approval.calendar_versions`.
 * Re-read at most every APPROVAL_CALENDAR_REFRESH_MS, and at once after a change through the API.
 */
@Injectable()
export class WorkingDayCalendarService {
  private cached: { calendar: WorkingDayCalendar; loadedAt: number } | undefined;

  constructor(
    @Inject(APPROVAL_CONFIG) private readonly config: ApprovalConfig,
    private readonly repository: CalendarRepository,
  ) {}

  /**
   * Inside a transaction pass it: a reload must not wait for a second pool connection
   * while the transaction holds one — with every connection held by actions waiting for the
   * calendar, that wait never ended (found by `npm run bench`, see docs/performance.md).
   */
  async current(tx?: Tx): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < this.config.calendarRefreshMs)
      return this.cached.calendar;
    // One cheap query per refresh; the definition is read and the calendar rebuilt only for a new version.
    const version = (await this.repository.latestVersion(tx))?.version ?? 0;
    const calendar =
      this.cached?.calendar.version === version
        ? this.cached.calendar
        : workingDayCalendarOf(await this.definition(tx));
    this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }

  /** The definition at the latest version, as it is published on `calendar.v1`. */
  async definition(tx?: Tx): Promise<CalendarDefinition> {
    const [latest, published, overrides] = [
      await this.repository.latestVersion(tx),
      await this.repository.publishedYears(tx),
      await this.repository.overrides(tx),
    ];
    return { version: latest?.version ?? 0, years: knownYearsOf(packageYears(), published), overrides };
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** The civil day in Asia/Shanghai. */
  today(now: Date = new Date()): string {
    return shanghaiLocalDate(now);
  }
}
