import { shanghaiLocalDate, type LocalDate } from '@banjie/domain';

/** The service's only source of "now", so a test can set the day and let midnight pass. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('NOTICE_CLOCK');

export const systemClock: Clock = { now: () => new Date() };

export function todayIn(clock: Clock): LocalDate {
  return shanghaiLocalDate(clock.now());
}
