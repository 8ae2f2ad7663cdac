import { addDays, type LocalDate, type WorkingDayCalendar } from '@banjie/domain';

/**
 * The working days of a period, numbered 0, 1, 2…: the history is laid out on these numbers, so
 * "n working days later" is `+ n` and no action can fall on a weekend or a holiday. Index i is
 * also the clock arithmetic of the approval service: the working days in (day i, day j] are j − i.
 */
export class WorkingDays {
  private readonly days: LocalDate[] = [];

  constructor(calendar: WorkingDayCalendar, first: LocalDate, last: LocalDate) {
    for (let day = first; day <= last; day = addDays(day, 1))
      if (calendar.isWorkingDay(day)) this.days.push(day);
    if (this.days.length === 0) throw new RangeError(`no working day between ${first} and ${last}`);
  }

  get lastIndex(): number {
    return this.days.length - 1;
  }

  at(index: number): LocalDate {
    const day = this.days[index];
    if (day === undefined)
      throw new RangeError(`working day #${index} lies outside ${this.days[0]}…${this.days[this.lastIndex]}`);
    return day;
  }

  /** The first working day on or after `date` (lastIndex + 1 when the period has none). */
  indexOnOrAfter(date: string): number {
    const found = this.days.findIndex((day) => day >= date);
    return found === -1 ? this.days.length : found;
  }

  /** The last working day on or before `date` (−1 when the period has none). */
  indexOnOrBefore(date: string): number {
    return this.indexOnOrAfter(addDays(date as LocalDate, 1)) - 1;
  }
}
