import { Inject, Injectable } from '@nestjs/common';
import { QuarterTargetConcludedV1 } from '@banjie/contracts';
import { addDays, parseLocalDate, parseQuarter, yearOf, type LocalDate, type Quarter } from '@banjie/domain';
import { appendToOutbox, DomainException, Transactions } from '@banjie/platform';
import { readQuarter, type QuarterReading, type QuarterReadingRequest } from '@banjie/workflows';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { ProcedureProjectionRepository } from '../procedures/procedure-projection.repository';
import { QuarterTargetRepository } from './quarter-target.repository';

export interface QuarterTargetReport {
  quarter: string;
  target: number;
  asOf: string;
  actual: QuarterReading['overall'];
  forecast: QuarterReading['forecast'];
  byDepartment: QuarterReading['byDepartment'];
  completionsNeeded: number;
  atRisk: QuarterReading['atRisk'];
  checkpoints: {
    asOf: string;
    actualRate: number | null;
    forecastRate: number | null;
    escalated: boolean;
    recordedAt: string;
  }[];
  result: { met: boolean | null; concludedAt: string } | null;
}

const metTarget = (rate: number | null, target: number): boolean | null =>
  rate === null ? null : rate >= target;

/** Reads, records and concludes a quarter's completion-rate target from the procedure projection. */
@Injectable()
export class QuarterTargetService {
  constructor(
    private readonly transactions: Transactions,
    private readonly records: QuarterTargetRepository,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
    private readonly projection: ProcedureProjectionRepository,
    private readonly calendars: DeadlineCalendar,
  ) {}

  async read(request: QuarterReadingRequest): Promise<QuarterReading> {
    return readQuarter(await this.projection.onTheList(), request, this.calendars.calendar);
  }

  async recordCheckpoint(reading: QuarterReading, escalated: boolean): Promise<void> {
    await this.records.upsertCheckpoint(reading, escalated);
  }

  /** Publishes the final result once, overall and by department, with the row that records it. */
  async conclude(reading: QuarterReading, concludedAt: Date = new Date()): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      if (!(await this.records.insertResultOnce(tx, reading, concludedAt))) return false;
      const target = reading.target;
      await appendToOutbox(tx, QuarterTargetConcludedV1, `quarter-target:${reading.quarter}`, {
        quarter: reading.quarter,
        lastDay: reading.asOf,
        target,
        overall: { ...reading.overall, met: metTarget(reading.overall.rate, target) },
        byDepartment: reading.byDepartment.map((d) => ({ ...d, met: metTarget(d.rate, target) })),
        concludedAt: concludedAt.toISOString(),
      });
      return true;
    });
  }

  /** The target as of a day (live from the projection), with the checkpoints recorded so far and the final result, if any. */
  async report(quarter: string, asOf: string): Promise<QuarterTargetReport> {
    this.requireCalendarFor(parseQuarter(quarter), parseLocalDate(asOf));
    const { target, forecastWindowWorkingDays, atRiskLimit } = this.config.quarterTarget;
    const reading = await this.read({
      quarter,
      asOf,
      target,
      atRiskLimit,
      ...(forecastWindowWorkingDays === undefined ? {} : { forecastWindowWorkingDays }),
    });
    const checkpoints = await this.records.checkpoints(quarter);
    const result = await this.records.findResult(quarter);
    return {
      quarter: reading.quarter,
      target,
      asOf: reading.asOf,
      actual: reading.overall,
      forecast: reading.forecast,
      byDepartment: reading.byDepartment,
      completionsNeeded: reading.completionsNeeded,
      atRisk: reading.atRisk,
      checkpoints: checkpoints.map((c) => ({
        asOf: c.asOf,
        actualRate: c.reading.overall.rate,
        forecastRate: c.reading.forecast.forecastRate,
        escalated: c.escalated,
        recordedAt: new Date(c.recordedAt).toISOString(),
      })),
      result: result
        ? {
            met: metTarget(result.reading.overall.rate, result.reading.target),
            concludedAt: new Date(result.concludedAt).toISOString(),
          }
        : null,
    };
  }

  /**
   * A reading counts working days from the eve of the quarter to its last day and to `asOf`: a day
   * the working-day calendar does not cover is refused by the parameter that asked for it.
   */
  private requireCalendarFor(quarter: Quarter, asOf: LocalDate): void {
    const { calendar } = this.calendars;
    const needed: [field: string, day: LocalDate][] = [
      ['quarter', addDays(quarter.firstDay, -1)],
      ['quarter', quarter.lastDay],
      ['asOf', asOf],
    ];
    const uncovered = needed.find(([, day]) => !calendar.covers(day));
    if (uncovered === undefined) return;
    const [field, day] = uncovered;
    const { firstYear, lastYear } = calendar.coverage;
    throw new DomainException(
      'bad-request',
      'CALENDAR_NOT_COVERED',
      `${field}: the reading needs the working days of ${yearOf(day)}, which the working-day calendar does not cover (it covers ${firstYear}–${lastYear})`,
      { field },
    );
  }
}
