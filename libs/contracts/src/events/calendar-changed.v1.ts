import { z } from 'zod';
import { localDate } from './common-fields';
import { defineEvent } from './envelope';
import { Topics } from './topics';

/** Where a year's arrangement comes from (a provisional year is never published: every service computes it from the law). */
export const calendarYearSource = z.enum(['PACKAGE', 'PUBLISHED']);

/** One known year of the working-day calendar: rest days with their names, weekend days worked (调休), the notice. */
export const calendarYear = z.object({
  year: z.number().int().min(1).max(9999),
  source: calendarYearSource,
  reference: z.string().nullable(),
  holidays: z.array(z.object({ date: localDate, name: z.string().min(1) })),
  workingDays: z.array(localDate),
});

export const calendarOverrideFields = z.object({
  date: localDate,
  kind: z.enum(['WORKING', 'REST']),
  note: z.string(),
});

/** What changed from the previous version. */
export const calendarChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PACKAGE_LOADED'), lastYear: z.number().int() }),
  z.object({
    kind: z.literal('YEAR_PUBLISHED'),
    year: z.number().int(),
    reference: z.string(),
    correction: z.boolean(),
  }),
  z.object({ kind: z.literal('OVERRIDE_SET'), date: localDate, overrideKind: z.enum(['WORKING', 'REST']) }),
  z.object({ kind: z.literal('OVERRIDE_REMOVED'), date: localDate }),
]);
export type CalendarChange = z.infer<typeof calendarChange>;

/**
 * The working-day calendar changed: its owner (the approval service) publishes the whole
 * definition at the new version, so a consumer needs no history — it keeps the highest version
 * and ignores older ones. Years after the last known one are provisional and computed by each
 * service from the law (libs/domain provisional-year), so all agree. Keyed by `calendar`.
 */
export const CalendarChangedV1 = defineEvent(
  Topics.CALENDAR,
  'CalendarChanged',
  1,
  z.object({
    version: z.number().int().positive(),
    change: calendarChange,
    /** Who made the change (`role:sub`, or `system` for the package) and why. */
    changedBy: z.string(),
    reason: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }),
    definition: z.object({
      version: z.number().int().positive(),
      years: z.array(calendarYear).min(1),
      overrides: z.array(calendarOverrideFields),
    }),
  }),
);
export type CalendarChangedPayload = z.infer<(typeof CalendarChangedV1)['payload']>;
