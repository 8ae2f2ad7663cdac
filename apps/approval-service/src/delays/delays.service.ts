import { Injectable } from '@nestjs/common';
import { pageFromList, type Actor } from '@banjie/platform';
import { WorkingDayCalendarService } from '../calendar/working-day-calendar.service';
import { visibilityOf } from '../procedures/procedure-visibility';
import { ApplicationHistoryRepository } from '../timeline/application-history.repository';
import { countableAsOf } from '../timeline/countable-as-of';
import { committedLimitOf, readTimeline } from '../timeline/timeline-reading';
import { delayReport } from './delay-report';
import { DelaysRepository } from './delays.repository';
import type { DelaysQuery } from './dto/delays.query';
import type { DelayReportDto } from './dto/delays.response';

/** Who held the time: every submitted application's working days, summed by group. */
@Injectable()
export class DelaysService {
  constructor(
    private readonly procedures: DelaysRepository,
    private readonly history: ApplicationHistoryRepository,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  /** Over the procedures the caller may see (a department: its own). */
  async report(actor: Actor, query: DelaysQuery, now: Date = new Date()): Promise<DelayReportDto> {
    const calendar = await this.calendars.current();
    const asOf = countableAsOf(query.asOf ?? this.calendars.today(now), calendar);
    const groupBy = query.groupBy ?? 'department';
    const procedures = await this.procedures.submittedBy(visibilityOf(actor), asOf);
    const changes = await this.history.appliedChanges(
      procedures.map((p) => p.procedureId),
      asOf,
    );
    const entries = procedures
      .map((procedure) => ({
        procedure,
        reading: readTimeline(
          changes.get(procedure.procedureId) ?? [],
          asOf,
          committedLimitOf(procedure),
          calendar,
        ),
      }))
      .filter(({ reading }) => reading.counted || reading.code !== 'NO_APPLICATION');
    const { groups, totals, provisional } = delayReport(entries, groupBy);
    return {
      asOf,
      groupBy,
      calendarVersion: calendar.version,
      provisional,
      ...pageFromList(groups, query),
      totals,
    };
  }
}
