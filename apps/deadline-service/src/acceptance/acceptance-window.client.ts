import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  acceptanceDecidedSignal,
  acceptanceWindowChangedSignal,
  acceptanceWindowQuery,
  acceptanceWindowWorkflowId,
  calendarChangedSignal,
  WORKFLOW_TYPES,
  type AcceptanceDecision,
  type AcceptanceWindowInput,
  type AcceptanceWindowView,
} from '@banjie/workflows';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { signalWithStartOnce } from '../temporal/signal-with-start-once';
import type { ClockHealth } from '../procedures/procedure-deadline.client';
import {
  awaitsAcceptance,
  decisionOf,
  windowFactsOf,
  type AcceptanceWindowRow,
} from './acceptance-window-news';

/**
 * Drives the `acceptance-window:<procedureId>:<applicationNumber>` workflows: a submitted
 * application's window is started or brought up to date by signal-with-start; once the procedure
 * leaves SUBMITTED the open window hears the decision and ends. A completed window is never
 * started again (reuse policy: only after a failure or termination).
 */
@Injectable()
export class AcceptanceWindowClient {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
    private readonly calendars: DeadlineCalendar,
  ) {}

  /**
   * Tells the windows what the procedure's latest state means: the decision to a window left open
   * (of this application or, after an outage, of an earlier one), the facts to the window of a
   * submitted application. Returns the application whose window is open afterwards.
   */
  async follow(
    row: AcceptanceWindowRow,
    correlationId: string,
    deemedAccepted = false,
  ): Promise<number | null> {
    const submitted = awaitsAcceptance(row);
    if (row.openApplication !== null && !(submitted && row.openApplication === row.applicationNumber))
      await this.decide(row.openApplication, row, decisionOf(row, deemedAccepted));
    if (!submitted) return null;
    await this.signalWithStart(row, correlationId);
    return row.applicationNumber;
  }

  /** Makes sure a submitted application's window runs with the latest facts (`told`: the projection recorded the sequence); one describe per window. */
  async heal(row: AcceptanceWindowRow, told: boolean, correlationId: string): Promise<ClockHealth> {
    if (row.openApplication !== null && row.openApplication !== row.applicationNumber)
      await this.decide(row.openApplication, row, decisionOf(row, false));
    try {
      const description = await this.handle(row.procedureId, row.applicationNumber).describe();
      if (description.status.name === 'COMPLETED') return 'ENDED';
      if (description.status.name === 'RUNNING') {
        if (told) return 'RUNNING';
        await this.signalWithStart(row, correlationId);
        return 'SYNCED';
      }
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    await this.signalWithStart(row, correlationId);
    return 'STARTED';
  }

  /** Gives a running window the calendar in force; false when no window runs for it. */
  async tellCalendar(row: AcceptanceWindowRow): Promise<boolean> {
    try {
      await this.handle(row.procedureId, row.applicationNumber).signal(
        calendarChangedSignal,
        this.calendarFor(row),
      );
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** The last year a window's calendar snapshot covers today. */
  calendarLastYear(row: Pick<AcceptanceWindowRow, 'receivedOn' | 'effectiveDate'>): number {
    return this.calendars.snapshotLastYear(row.receivedOn ?? row.effectiveDate);
  }

  query(procedureId: string, applicationNumber: number, asOf?: string): Promise<AcceptanceWindowView> {
    return this.handle(procedureId, applicationNumber).query(
      acceptanceWindowQuery,
      ...(asOf === undefined ? [] : [asOf]),
    );
  }

  private async decide(application: number, row: AcceptanceWindowRow, decision: AcceptanceDecision) {
    try {
      await this.handle(row.procedureId, application).signal(acceptanceDecidedSignal, decision);
    } catch (error) {
      // Never started (Temporal was down all along) or ended already: nothing to close.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  private calendarFor(row: Pick<AcceptanceWindowRow, 'receivedOn' | 'effectiveDate'>) {
    return this.calendars.snapshotFor(row.receivedOn ?? row.effectiveDate);
  }

  private handle(procedureId: string, applicationNumber: number) {
    return this.client.workflow.getHandle(acceptanceWindowWorkflowId(procedureId, applicationNumber));
  }

  private async signalWithStart(row: AcceptanceWindowRow, correlationId: string): Promise<void> {
    const facts = windowFactsOf(row);
    const input: AcceptanceWindowInput = {
      procedureId: row.procedureId,
      projectCode: row.projectCode,
      department: row.department,
      applicationNumber: row.applicationNumber,
      window: facts,
      reminders: this.config.acceptance.reminders,
      recordingGraceMs: this.config.acceptance.recordingGraceMs,
      calendar: this.calendarFor(row),
      correlationId,
    };
    await signalWithStartOnce(this.client, WORKFLOW_TYPES.acceptanceWindow, {
      workflowId: acceptanceWindowWorkflowId(row.procedureId, row.applicationNumber),
      taskQueue: this.config.temporal.taskQueue,
      input,
      signal: acceptanceWindowChangedSignal,
      signalArg: facts,
    });
  }
}
