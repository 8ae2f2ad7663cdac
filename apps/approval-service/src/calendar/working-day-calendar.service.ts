import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  chineseDaysCoverage, createChineseWorkingDayCalendar, parseLocalDate, shanghaiLocalDate, yearOf,
  type CalendarOverride, type WorkingDayCalendar,
} from '@banjie/domain';
import { APPROVAL_CONFIG, type ApprovalConfig } from '../config';

/**
 * The Chinese working-day calendar (chinese-days) with the city's local adjustments from
 * `approval.calendar_overrides` applied on top. Overrides are re-read at most every
 * APPROVAL_CALENDAR_REFRESH_MS, and at once after a change through the API.
 */
@Injectable()
export class WorkingDayCalendarService {
  private readonly logger = new Logger(WorkingDayCalendarService.name);
  private cached: { calendar: WorkingDayCalendar; loadedAt: number } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APPROVAL_CONFIG) private readonly config: ApprovalConfig,
  ) {}

  /**
   * Inside a transaction pass its manager: a reload must not wait for a second pool connection
   * while the transaction holds one — with every connection held by actions waiting for the
   * calendar, that wait never ended (found by `npm run bench`, see docs/performance.md).
   */
  async current(executor: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < this.config.calendarRefreshMs) return this.cached.calendar;
    const calendar = createChineseWorkingDayCalendar(await this.usableOverrides(executor));
    this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** The civil day in Asia/Shanghai. */
  today(now: Date = new Date()): string {
    return shanghaiLocalDate(now);
  }

  async overrides(executor: EntityManager = this.dataSource.manager): Promise<CalendarOverride[]> {
    return executor.query(`SELECT date::text AS date, kind, note FROM approval.calendar_overrides ORDER BY date`);
  }

  /**
   * An override for a year chinese-days does not cover cannot be applied (there is no national
   * arrangement to adjust); every computation in that year is flagged as not covered anyway.
   */
  private async usableOverrides(executor: EntityManager): Promise<CalendarOverride[]> {
    const coverage = chineseDaysCoverage();
    const all = await this.overrides(executor);
    return all.filter((override) => {
      const year = yearOf(parseLocalDate(override.date));
      const usable = year >= coverage.firstYear && year <= coverage.lastYear;
      if (!usable) this.logger.warn(`calendar override ${override.date} lies outside ${coverage.firstYear}–${coverage.lastYear} and is not applied`);
      return usable;
    });
  }
}
