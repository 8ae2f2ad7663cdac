import { Injectable } from '@nestjs/common';
import { buildCalendarSnapshot, createChineseWorkingDayCalendar, type CalendarSnapshot, type WorkingDayCalendar } from '@banjie/domain';

/** How many years after acceptance a clock's calendar snapshot covers (a limit plus pauses and an extension fit easily). */
const YEARS_AHEAD = 1;

/** The national working-day calendar, and the snapshots of it that workflows carry (they never load the holiday data). */
@Injectable()
export class WorkingDayCalendars {
  readonly calendar: WorkingDayCalendar = createChineseWorkingDayCalendar();
  private readonly snapshots = new Map<number, CalendarSnapshot>();

  /**
   * The covered years from the year of `date` on. A clock that runs into a year the data does not
   * cover yet gets a snapshot without it: the workflow then reports its due date as unavailable.
   */
  snapshotFrom(date: string): CalendarSnapshot {
    const { firstYear, lastYear } = this.calendar.coverage;
    const from = Math.min(Math.max(Number(date.slice(0, 4)), firstYear), lastYear);
    let snapshot = this.snapshots.get(from);
    if (!snapshot) {
      snapshot = buildCalendarSnapshot(this.calendar, from, Math.min(from + YEARS_AHEAD, lastYear));
      this.snapshots.set(from, snapshot);
    }
    return snapshot;
  }
}
