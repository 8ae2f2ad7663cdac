import { Logger, type OnModuleInit, type Provider } from '@nestjs/common';
import type { CalendarChangedPayload } from '@banjie/contracts';
import {
  packageDefinition,
  parseLocalDate,
  workingDayCalendarOf,
  type CalendarDefinition,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { Tx } from '../database/transactions';
import { onCalendarReplicaRepository, type CalendarReplicaRepository } from './calendar-replica.repository';

/** The domain's definition from the event's (dates checked and branded). */
export function definitionFromEvent(published: CalendarChangedPayload['definition']): CalendarDefinition {
  return {
    version: published.version,
    years: published.years.map((year) => ({
      ...year,
      holidays: year.holidays.map((holiday) => ({ date: parseLocalDate(holiday.date), name: holiday.name })),
      workingDays: year.workingDays.map(parseLocalDate),
    })),
    overrides: published.overrides.map((override) => ({ ...override, date: parseLocalDate(override.date) })),
  };
}

export interface CalendarSwitch {
  previous: WorkingDayCalendar;
  current: WorkingDayCalendar;
}

/**
 * A consuming service's copy of the working-day calendar its owner publishes on `calendar.v1`:
 * the highest version received, kept in the service's schema and in memory. Until the first
 * version arrives it is the package's data (version 0). Replicas of a service that did not consume
 * the event pick the new version up from the table within `refreshMs`. Provided to a service by
 * `calendarReplicaProvider(schema)`; loaded before any bootstrap hook counts a day with it.
 */
export class CalendarReplica implements OnModuleInit {
  private readonly logger = new Logger(CalendarReplica.name);
  private calendar: WorkingDayCalendar = workingDayCalendarOf(packageDefinition());
  private checkedAt = 0;

  constructor(
    private readonly repository: CalendarReplicaRepository,
    private readonly refreshMs = 30_000,
  ) {}

  /** The calendar in force (as last loaded). */
  get current(): WorkingDayCalendar {
    return this.calendar;
  }

  async onModuleInit(): Promise<void> {
    await this.load();
  }

  /** Loads the stored version (at boot, and when another replica may have stored a newer one). */
  async load(): Promise<WorkingDayCalendar> {
    const definition = await this.repository.load();
    if (definition && definition.version !== this.calendar.version)
      this.calendar = workingDayCalendarOf(definition);
    this.checkedAt = Date.now();
    return this.calendar;
  }

  /** Reloads when the last look is older than `refreshMs` and the stored version differs (one cheap query). */
  async fresh(): Promise<WorkingDayCalendar> {
    if (Date.now() - this.checkedAt < this.refreshMs) return this.calendar;
    this.checkedAt = Date.now();
    if ((await this.repository.version()) !== this.calendar.version) await this.load();
    return this.calendar;
  }

  /**
   * Applies a published definition inside the consumer's transaction: null when it is not newer
   * than what is stored (a redelivery, or an older version arriving late). `previous` is what the
   * table held, so a retried transaction compares the same two versions. The in-memory calendar
   * switches at once; should the transaction fail, `fresh()` finds the table's version again.
   */
  async apply(tx: Tx, published: CalendarChangedPayload['definition']): Promise<CalendarSwitch | null> {
    const definition = definitionFromEvent(published);
    const stored = await this.repository.load(tx);
    if (!(await this.repository.storeIfNewer(tx, definition))) return null;
    const previous =
      stored === null
        ? workingDayCalendarOf(packageDefinition())
        : stored.version === this.calendar.version
          ? this.calendar
          : workingDayCalendarOf(stored);
    this.calendar = workingDayCalendarOf(definition);
    this.checkedAt = Date.now();
    this.logger.log(`working-day calendar version ${previous.version} → ${definition.version}`);
    return { previous, current: this.calendar };
  }
}

/** The service's calendar replica, kept in its own schema. */
export const calendarReplicaProvider = (schema: string): Provider => ({
  provide: CalendarReplica,
  ...onCalendarReplicaRepository(schema, (repository) => new CalendarReplica(repository)),
});
