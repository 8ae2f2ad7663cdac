import { Inject, Injectable, Logger } from '@nestjs/common';
import { mapConcurrently } from '@banjie/domain';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { ProcedureProjectionRepository, type OpenClock } from '../procedures/procedure-projection.repository';
import { ProcedureDeadlineClient } from '../procedures/procedure-deadline.client';
import { DeadlineCalendar } from './deadline-calendar';

export interface PropagationReport {
  told: number;
  failed: number;
}

/**
 * Brings every running clock workflow onto the calendar in force: a new version (published year,
 * override) or a clock that runs into years its snapshot does not cover yet. The projection
 * records what each workflow was given, so after a failure or a restart only the rest is told.
 */
@Injectable()
export class CalendarPropagation {
  private readonly logger = new Logger(CalendarPropagation.name);

  constructor(
    private readonly calendars: DeadlineCalendar,
    private readonly projection: ProcedureProjectionRepository,
    private readonly clocks: ProcedureDeadlineClient,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  /** `openClocks`: the projection's open clocks when the caller has just read them (the reconciler). */
  async propagate(openClocks?: readonly OpenClock[]): Promise<PropagationReport> {
    const version = (await this.calendars.replica.fresh()).version;
    const behind = (openClocks ?? (await this.projection.openClocks())).filter((clock) =>
      this.isBehind(clock, version),
    );
    const outcomes = await mapConcurrently(behind, this.config.temporal.callsInFlight, async (clock) => {
      try {
        if (await this.clocks.tellCalendar({ ...clock, acceptedOn: clock.acceptedOn! })) {
          await this.projection.markCalendarTold(
            clock.procedureId,
            version,
            this.calendars.snapshotLastYear(clock.acceptedOn!),
          );
        }
        return true;
      } catch (error) {
        this.logger.warn(
          `${clock.procedureId}: calendar version ${version} not given to its clock now (${(error as Error).message}); the reconciler will`,
        );
        return false;
      }
    });
    const report = { told: outcomes.filter(Boolean).length, failed: outcomes.filter((ok) => !ok).length };
    if (behind.length > 0)
      this.logger.log(`calendar version ${version} given to ${report.told} clocks (${report.failed} failed)`);
    return report;
  }

  private isBehind(clock: OpenClock, version: number): boolean {
    return (
      clock.calendarVersionTold !== version ||
      (clock.calendarLastYearTold ?? 0) < this.calendars.snapshotLastYear(clock.acceptedOn!)
    );
  }
}
