import { Injectable } from '@nestjs/common';
import type { Actor } from '@banjie/platform';
import { WorkingDayCalendarService } from '../calendar/working-day-calendar.service';
import { visibilityOf } from '../procedures/procedure-visibility';
import { ProcedureRepository } from '../procedures/procedure.repository';
import { ApplicationHistoryRepository } from './application-history.repository';
import { countableAsOf } from './countable-as-of';
import type { ProcedureTimelineDto } from './dto/timeline.response';
import { committedLimitOf, readTimeline } from './timeline-reading';

/** Whose clock: one procedure's current application split by whose turn each working day was. */
@Injectable()
export class ProcedureTimelineService {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly history: ApplicationHistoryRepository,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  /** As `GET /procedures/:id` shows the procedure: a caller who may not see it gets 404. */
  async timelineOf(
    actor: Actor,
    procedureId: string,
    asOf?: string,
    now: Date = new Date(),
  ): Promise<ProcedureTimelineDto> {
    const record = await this.procedures.findVisible(procedureId, visibilityOf(actor));
    const calendar = await this.calendars.current();
    const day = countableAsOf(asOf ?? this.calendars.today(now), calendar);
    const changes = (await this.history.appliedChanges([procedureId], day)).get(procedureId) ?? [];
    const reading = readTimeline(changes, day, committedLimitOf(record), calendar);
    const common = { procedureId, asOf: day, calendarVersion: calendar.version };
    if (!reading.counted)
      return { ...common, timeline: null, unavailable: { code: reading.code, message: reading.message } };
    const { application, timeline, provisional } = reading;
    return {
      ...common,
      timeline: {
        applicationNumber: application.applicationNumber,
        deemedAccepted: application.deemedAccepted,
        provisional,
        facts: application.facts,
        ...timeline,
      },
      unavailable: null,
    };
  }
}
