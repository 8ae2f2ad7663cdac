import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildCalendarSnapshot, CALENDAR_LAST_YEAR, shanghaiLocalDate, yearOf, type CalendarSnapshot, type LocalDate, type WorkingDayCalendar } from '@banjie/domain';
import { CalendarReplica } from '@banjie/platform';

/** Years after the later of acceptance and today that a clock's snapshot covers (a limit with pauses and an extension fits easily). */
const YEARS_AHEAD = 2;

/**
 * The deadline service's copy of the published working-day calendar (from `calendar.v1`), and the
 * snapshots of it that workflows carry (they never load the holiday data).
 */
@Injectable()
export class DeadlineCalendar implements OnApplicationBootstrap {
  readonly replica: CalendarReplica;

  constructor(dataSource: DataSource) {
    this.replica = new CalendarReplica(dataSource, 'deadline');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.replica.load();
  }

  get calendar(): WorkingDayCalendar {
    return this.replica.current;
  }

  /** The last year a clock accepted on `acceptedOn` needs in its snapshot today. */
  snapshotLastYear(acceptedOn: string, now: Date = new Date()): number {
    return Math.min(Math.max(yearOf(acceptedOn as LocalDate), yearOf(shanghaiLocalDate(now))) + YEARS_AHEAD, CALENDAR_LAST_YEAR);
  }

  /** The calendar in force for a clock accepted on `acceptedOn`: from that year to a couple of years past today. */
  snapshotFor(acceptedOn: string, now: Date = new Date()): CalendarSnapshot {
    const { firstYear } = this.calendar.coverage;
    const from = Math.min(Math.max(yearOf(acceptedOn as LocalDate), firstYear), CALENDAR_LAST_YEAR);
    return buildCalendarSnapshot(this.calendar, from, Math.max(from, this.snapshotLastYear(acceptedOn, now)));
  }
}
