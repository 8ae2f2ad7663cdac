import { Injectable } from '@nestjs/common';
import { cachedProvisionalYear, knownYears, type YearArrangement } from '@banjie/domain';
import type { PageQuery } from '@banjie/platform';
import { CalendarRepository } from './calendar.repository';
import { WorkingDayCalendarService } from './working-day-calendar.service';

/** What the calendar says about one year, and the audit trail of its versions. */
@Injectable()
export class CalendarYears {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  async describe(year: number) {
    const definition = await this.calendars.definition();
    const { lastYear } = knownYears(definition);
    const arrangement: YearArrangement =
      year > lastYear ? cachedProvisionalYear(year) : definition.years.find((y) => y.year === year)!;
    const publication = await this.repository.publishedYear(year);
    return {
      year,
      source: arrangement.source,
      /** True until the year's arrangement is published: its dates follow the law only (no bridges, no 调休) and may move. */
      provisional: arrangement.source === 'PROVISIONAL',
      calendarVersion: definition.version,
      reference: arrangement.reference,
      holidays: arrangement.holidays,
      workingDays: arrangement.workingDays,
      overrides: definition.overrides.filter((override) => override.date.startsWith(`${year}-`)),
      publication: publication && {
        version: publication.version,
        publishedBy: publication.publishedBy,
        publishedAt: publication.publishedAt,
        reason: publication.reason,
      },
    };
  }

  versions(query: PageQuery) {
    return this.repository.versions(query);
  }
}
