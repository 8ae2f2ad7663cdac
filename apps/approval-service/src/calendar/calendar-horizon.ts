import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { calendarHorizonWarning, lastKnownYearOf, shanghaiLocalDate } from '@banjie/domain';
import { MetricsRegistry, type HealthWarningSource } from '@banjie/platform';
import { APPROVAL_CONFIG, type ApprovalConfig } from '../config';
import { WorkingDayCalendarService } from './working-day-calendar.service';

/**
 * Watches the end of the known calendar: from CALENDAR_HORIZON_WARNING_FROM (default 1 November)
 * while next year is not published, /health says `degraded` with the reason. The metrics give the
 * last known year and the version in force.
 */
@Injectable()
export class CalendarHorizon implements HealthWarningSource, OnModuleInit {
  constructor(
    private readonly calendars: WorkingDayCalendarService,
    private readonly metrics: MetricsRegistry,
    @Inject(APPROVAL_CONFIG) private readonly config: ApprovalConfig,
  ) {}

  onModuleInit(): void {
    const calendars = this.calendars;
    new Gauge({
      name: 'banjie_calendar_last_known_year',
      help: 'The last year whose holiday arrangement is published (or in the package); later years are provisional',
      registers: [this.metrics.registry],
      async collect() {
        this.set(lastKnownYearOf(await calendars.current()));
      },
    });
    new Gauge({
      name: 'banjie_calendar_version',
      help: 'The working-day calendar version in force',
      registers: [this.metrics.registry],
      async collect() {
        this.set((await calendars.current()).version);
      },
    });
  }

  async warnings(now: Date = new Date()): Promise<{ component: string; reason: string }[]> {
    const lastYear = lastKnownYearOf(await this.calendars.current());
    const warning = calendarHorizonWarning(
      shanghaiLocalDate(now),
      lastYear,
      this.config.calendarHorizonWarningFrom,
    );
    return warning === null ? [] : [{ component: 'calendar', reason: warning.reason }];
  }
}
