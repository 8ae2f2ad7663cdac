import { Inject, Injectable, Logger } from '@nestjs/common';
import { mapConcurrently } from '@banjie/domain';
import { AcceptanceWindowClient } from '../acceptance/acceptance-window.client';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import {
  ProcedureProjectionRepository,
  type OpenClock,
  type OpenWindow,
} from '../procedures/procedure-projection.repository';
import { ProcedureDeadlineClient } from '../procedures/procedure-deadline.client';
import { DeadlineCalendar } from './deadline-calendar';

export interface PropagationReport {
  told: number;
  failed: number;
}

/**
 * Brings every running clock and acceptance window workflow onto the calendar in force: a new
 * version (published year, override) or one that runs into years its snapshot does not cover yet. The projection
 * records what each workflow was given, so after a failure or a restart only the rest is told.
 */
@Injectable()
export class CalendarPropagation {
  private readonly logger = new Logger(CalendarPropagation.name);

  constructor(
    private readonly calendars: DeadlineCalendar,
    private readonly projection: ProcedureProjectionRepository,
    private readonly clocks: ProcedureDeadlineClient,
    private readonly windows: AcceptanceWindowClient,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  /** `openClocks`, `openWindows`: the projection's, when the caller has just read them (the reconciler). */
  async propagate(
    openClocks?: readonly OpenClock[],
    openWindows?: readonly OpenWindow[],
  ): Promise<PropagationReport> {
    const version = (await this.calendars.replica.fresh()).version;
    const clocks = (openClocks ?? (await this.projection.openClocks())).filter((clock) =>
      this.isBehind(clock, version),
    );
    const windows = (openWindows ?? (await this.projection.openWindows())).filter(
      (window) =>
        window.calendarVersionTold !== version ||
        (window.calendarLastYearTold ?? 0) < this.windows.calendarLastYear(window),
    );
    const clockOutcomes = await this.tellAll(clocks, version, 'clock', async (clock) => {
      if (await this.clocks.tellCalendar({ ...clock, acceptedOn: clock.acceptedOn! }))
        await this.projection.markCalendarTold(
          clock.procedureId,
          version,
          this.calendars.snapshotLastYear(clock.acceptedOn!),
        );
    });
    const windowOutcomes = await this.tellAll(windows, version, 'acceptance window', async (window) => {
      if (await this.windows.tellCalendar(window))
        await this.projection.markWindowCalendarTold(
          window.procedureId,
          version,
          this.windows.calendarLastYear(window),
        );
    });
    const outcomes = [...clockOutcomes, ...windowOutcomes];
    const report = { told: outcomes.filter(Boolean).length, failed: outcomes.filter((ok) => !ok).length };
    if (outcomes.length > 0)
      this.logger.log(
        `calendar version ${version} given to ${report.told} clocks and windows (${report.failed} failed)`,
      );
    return report;
  }

  private tellAll<T extends { procedureId: string }>(
    items: readonly T[],
    version: number,
    what: string,
    tell: (item: T) => Promise<void>,
  ): Promise<boolean[]> {
    return mapConcurrently(items, this.config.temporal.callsInFlight, async (item) => {
      try {
        await tell(item);
        return true;
      } catch (error) {
        this.logger.warn(
          `${item.procedureId}: calendar version ${version} not given to its ${what} now (${(error as Error).message}); the reconciler will`,
        );
        return false;
      }
    });
  }

  private isBehind(clock: OpenClock, version: number): boolean {
    return (
      clock.calendarVersionTold !== version ||
      (clock.calendarLastYearTold ?? 0) < this.calendars.snapshotLastYear(clock.acceptedOn!)
    );
  }
}
