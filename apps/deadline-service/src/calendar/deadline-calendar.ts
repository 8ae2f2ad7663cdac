import { Injectable } from '@nestjs/common';
import {
  buildCalendarSnapshot,
  CALENDAR_LAST_YEAR,
  shanghaiLocalDate,
  yearOf,
  type CalendarSnapshot,
  type LocalDate,
  type WorkingDayCalendar,
} from '@banjie/domain';
import { CalendarReplica } from '@banjie/platform';

/** Years after the later of acceptance and today that a clock's snapshot covers (a limit with pauses and an extension fits easily). */
const YEARS_AHEAD = 2;

/**
 * The deadline service's copy of the published working-day calendar (from `calendar.v1`), and the
 * snapshots of it that workflows carry (they never load the holiday data). A snapshot is cut once
 * per calendar version and year range: every clock start and signal carries one.
 */
@Injectable()
export class DeadlineCalendar {
  private snapshots: { version: number; byYears: Map<string, CalendarSnapshot> } = {
    version: -1,
    byYears: new Map(),
  };

  constructor(readonly replica: CalendarReplica) {}

  get calendar(): WorkingDayCalendar {
    return this.replica.current;
  }

  /** The last year a clock accepted on `acceptedOn` needs in its snapshot today. */
  snapshotLastYear(acceptedOn: string, now: Date = new Date()): number {
    return Math.min(
      Math.max(yearOf(acceptedOn as LocalDate), yearOf(shanghaiLocalDate(now))) + YEARS_AHEAD,
      CALENDAR_LAST_YEAR,
    );
  }

  /** The calendar in force for a clock accepted on `acceptedOn`: from that year to a couple of years past today. */
  snapshotFor(acceptedOn: string, now: Date = new Date()): CalendarSnapshot {
    const calendar = this.calendar;
    const from = Math.min(
      Math.max(yearOf(acceptedOn as LocalDate), calendar.coverage.firstYear),
      CALENDAR_LAST_YEAR,
    );
    const to = Math.max(from, this.snapshotLastYear(acceptedOn, now));
    if (this.snapshots.version !== calendar.version)
      this.snapshots = { version: calendar.version, byYears: new Map() };
    let snapshot = this.snapshots.byYears.get(`${from}-${to}`);
    if (!snapshot) {
      snapshot = buildCalendarSnapshot(calendar, from, to);
      this.snapshots.byYears.set(`${from}-${to}`, snapshot);
    }
    return snapshot;
  }
}
