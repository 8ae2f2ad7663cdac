import { addDays, shanghaiLocalDate, type LocalDate, type Quarter } from '@banjie/domain';

/** A quarter whose last day is before today (Asia/Shanghai) is history: nothing is left to watch. */
export function quarterHasEnded(quarter: Quarter, today: LocalDate): boolean {
  return quarter.lastDay < today;
}

/**
 * A reading recorded for `day` by the day after it was taken in time; one recorded later (a watch
 * started after the fact, reading a projection still loading) does not stand for that day.
 */
export function recordedInTime(day: LocalDate, recordedAt: Date): boolean {
  return shanghaiLocalDate(new Date(recordedAt)) <= addDays(day, 1);
}
