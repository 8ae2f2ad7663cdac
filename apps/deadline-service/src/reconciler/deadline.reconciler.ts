import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PeriodicTask } from '@banjie/platform';
import { AcceptanceWindowClient } from '../acceptance/acceptance-window.client';
import { CalendarHorizonWatch } from '../calendar/calendar-horizon.watch';
import { CalendarPropagation } from '../calendar/calendar-propagation';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import {
  ProcedureProjectionRepository,
  type OpenWindow,
} from '../procedures/procedure-projection.repository';
import { QuarterTargetStarter } from '../targets/quarter-target.starter';
import { ProcedureDeadlineClient } from '../procedures/procedure-deadline.client';

export interface ReconcileReport {
  checked: number;
  started: number;
  synced: number;
  ended: number;
  /** Acceptance windows of submitted applications started (missing) or brought up to date. */
  windowsStarted: number;
  windowsSynced: number;
  /** Windows told the decision they had missed. */
  windowsDecided: number;
  /** Clocks and windows given a newer calendar (or one covering more years). */
  calendarTold: number;
  failed: number;
}

/**
 * The database is the source of truth: at start and periodically, every open accepted procedure of
 * the projection gets its running clock workflow (started when missing — never started, lost with
 * Temporal's state, terminated — and brought up to date when it lags), every ended one has its
 * workflow told, every submitted one its acceptance window workflow likewise, every window left
 * open by a decision Temporal missed hears it, every clock and window has the calendar in force, the admins hear once of an unpublished
 * next year, and the configured quarter has its target workflow.
 */
@Injectable()
export class DeadlineReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineReconciler.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(DEADLINE_CONFIG) config: DeadlineConfig,
    private readonly projection: ProcedureProjectionRepository,
    private readonly clocks: ProcedureDeadlineClient,
    private readonly windows: AcceptanceWindowClient,
    private readonly quarterTarget: QuarterTargetStarter,
    private readonly calendar: CalendarPropagation,
    private readonly horizon: CalendarHorizonWatch,
  ) {
    this.task = new PeriodicTask('deadline reconciler', config.reconcileIntervalMs, () => this.reconcile());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      checked: 0,
      started: 0,
      synced: 0,
      ended: 0,
      windowsStarted: 0,
      windowsSynced: 0,
      windowsDecided: 0,
      calendarTold: 0,
      failed: 0,
    };
    const correlationId = `reconciler-${randomUUID()}`;
    const openClocks = await this.projection.openClocks();
    for (const procedure of openClocks) {
      report.checked += 1;
      try {
        const health = await this.clocks.heal(procedure, procedure.told, correlationId);
        if (health === 'STARTED') report.started += 1;
        if (health === 'SYNCED') report.synced += 1;
        await this.projection.markClockSynced(procedure);
      } catch (error) {
        report.failed += 1;
        this.logger.warn(`${procedure.procedureId}: clock not healed (${(error as Error).message})`);
      }
    }
    for (const procedure of await this.projection.unsyncedEndings()) {
      report.checked += 1;
      try {
        await this.clocks.follow(procedure, 'reconciled', correlationId);
        await this.projection.markClockSynced(procedure);
        report.ended += 1;
      } catch (error) {
        report.failed += 1;
        this.logger.warn(`${procedure.procedureId}: ending not delivered (${(error as Error).message})`);
      }
    }
    const openWindows = await this.projection.openWindows();
    await this.healWindows(openWindows, report, correlationId);
    const calendar = await this.calendar.propagate(openClocks, openWindows);
    report.calendarTold = calendar.told;
    report.failed += calendar.failed;
    await this.horizon.look();
    await this.quarterTarget.ensureStarted();
    const changed =
      report.started + report.synced + report.ended + report.windowsStarted + report.windowsSynced;
    if (changed + report.windowsDecided + report.calendarTold + report.failed > 0)
      this.logger.log(`reconciled: ${JSON.stringify(report)}`);
    return report;
  }

  private async healWindows(
    openWindows: readonly OpenWindow[],
    report: ReconcileReport,
    correlationId: string,
  ): Promise<void> {
    for (const window of openWindows) {
      report.checked += 1;
      try {
        const health = await this.windows.heal(window, window.told, correlationId);
        if (health === 'STARTED') report.windowsStarted += 1;
        if (health === 'SYNCED') report.windowsSynced += 1;
        await this.projection.markWindowTold({
          procedureId: window.procedureId,
          sequence: window.sequence,
          openApplication: window.applicationNumber,
        });
      } catch (error) {
        report.failed += 1;
        this.logger.warn(`${window.procedureId}: acceptance window not healed (${(error as Error).message})`);
      }
    }
    for (const window of await this.projection.undecidedWindows()) {
      report.checked += 1;
      try {
        await this.windows.follow(window, correlationId);
        await this.projection.markWindowTold({
          procedureId: window.procedureId,
          sequence: window.sequence,
          openApplication: null,
        });
        report.windowsDecided += 1;
      } catch (error) {
        report.failed += 1;
        this.logger.warn(
          `${window.procedureId}: acceptance decision not delivered (${(error as Error).message})`,
        );
      }
    }
  }
}
