import { Inject, Injectable } from '@nestjs/common';
import { QuarterTargetConcludedV1 } from '@banjie/contracts';
import {
  addDays,
  parseLocalDate,
  parseQuarter,
  quarterCheckpoints,
  shanghaiLocalDate,
  yearOf,
  type LocalDate,
  type Quarter,
} from '@banjie/domain';
import { appendToOutbox, DomainException, Transactions } from '@banjie/platform';
import { readQuarter, type QuarterReading, type QuarterReadingRequest } from '@banjie/workflows';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { ProcedureProjectionRepository } from '../procedures/procedure-projection.repository';
import { quarterHasEnded, recordedInTime } from './quarter-history';
import {
  QuarterTargetRepository,
  type QuarterCheckpointRow,
  type QuarterResultRow,
} from './quarter-target.repository';

export interface QuarterTargetReport {
  quarter: string;
  target: number;
  asOf: string;
  /** The quarter has ended: what was not recorded in time is computed now from the projection as of each day. */
  computedAfterTheFact: boolean;
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
    /** Null for a reading computed after the fact. */
    recordedAt: string | null;
    computedAfterTheFact: boolean;
  }[];
  result: {
    met: boolean | null;
    rate: number | null;
    /** Null when computed after the fact (the quarter was never concluded in time). */
    concludedAt: string | null;
    computedAfterTheFact: boolean;
  } | null;
}

type CheckpointReport = QuarterTargetReport['checkpoints'][number];
type ResultReport = NonNullable<QuarterTargetReport['result']>;

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

  /**
   * The target as of a day (live from the projection), with the checkpoints and the final result.
   * While the quarter runs these are what its workflow recorded. Once it has ended, a checkpoint or
   * result not recorded in time (the quarter was never watched, or watched only after the fact) is
   * computed from the projection as of its day, and marked `computedAfterTheFact`.
   */
  async report(quarter: string, asOf: string, now: Date = new Date()): Promise<QuarterTargetReport> {
    const period = parseQuarter(quarter);
    this.requireCalendarFor(period, parseLocalDate(asOf));
    const { target, forecastWindowWorkingDays, atRiskLimit } = this.config.quarterTarget;
    const procedures = await this.projection.onTheList();
    const readOn = (day: string): QuarterReading =>
      readQuarter(
        procedures,
        {
          quarter,
          asOf: day,
          target,
          atRiskLimit,
          ...(forecastWindowWorkingDays === undefined ? {} : { forecastWindowWorkingDays }),
        },
        this.calendars.calendar,
      );
    const reading = readOn(asOf);
    const recorded = await this.records.checkpoints(quarter);
    const concluded = await this.records.findResult(quarter);
    const ended = quarterHasEnded(period, shanghaiLocalDate(now));
    return {
      quarter: reading.quarter,
      target,
      asOf: reading.asOf,
      computedAfterTheFact: ended,
      actual: reading.overall,
      forecast: reading.forecast,
      byDepartment: reading.byDepartment,
      completionsNeeded: reading.completionsNeeded,
      atRisk: reading.atRisk,
      checkpoints: ended
        ? quarterCheckpoints(period).map((day) => {
            const inTime = recorded.find((c) => c.asOf === day && recordedInTime(day, c.recordedAt));
            return inTime ? recordedCheckpoint(inTime) : computedCheckpoint(readOn(day));
          })
        : recorded.map(recordedCheckpoint),
      result: this.resultOf(concluded, ended ? () => readOn(period.lastDay) : null, period),
    };
  }

  /** The recorded result if it was concluded in time; else, once the quarter has ended, the one computed from history. */
  private resultOf(
    concluded: QuarterResultRow | undefined,
    readLastDay: (() => QuarterReading) | null,
    period: Quarter,
  ): ResultReport | null {
    if (concluded && (readLastDay === null || recordedInTime(period.lastDay, concluded.concludedAt)))
      return recordedResult(concluded);
    return readLastDay === null ? null : computedResult(readLastDay());
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

function recordedCheckpoint(c: QuarterCheckpointRow): CheckpointReport {
  return {
    asOf: c.asOf,
    actualRate: c.reading.overall.rate,
    forecastRate: c.reading.forecast.forecastRate,
    escalated: c.escalated,
    recordedAt: new Date(c.recordedAt).toISOString(),
    computedAfterTheFact: false,
  };
}

function computedCheckpoint(reading: QuarterReading): CheckpointReport {
  return {
    asOf: reading.asOf,
    actualRate: reading.overall.rate,
    forecastRate: reading.forecast.forecastRate,
    escalated: false,
    recordedAt: null,
    computedAfterTheFact: true,
  };
}

function recordedResult({ reading, concludedAt }: QuarterResultRow): ResultReport {
  return {
    met: metTarget(reading.overall.rate, reading.target),
    rate: reading.overall.rate,
    concludedAt: new Date(concludedAt).toISOString(),
    computedAfterTheFact: false,
  };
}

function computedResult(reading: QuarterReading): ResultReport {
  return {
    met: metTarget(reading.overall.rate, reading.target),
    rate: reading.overall.rate,
    concludedAt: null,
    computedAfterTheFact: true,
  };
}
