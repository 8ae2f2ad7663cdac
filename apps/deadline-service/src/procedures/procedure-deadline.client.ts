import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client, type SignalDefinition } from '@temporalio/client';
import { PROCEDURE_ACTION_EVENTS, type ProcedureAction } from '@banjie/contracts';
import { CLOCK_EFFECT_OF_ACTION, type ClockEffect } from '@banjie/domain';
import {
  calendarChangedSignal,
  clockPausedSignal,
  clockResumedSignal,
  clockSyncedSignal,
  limitExtendedSignal,
  procedureDeadlineQuery,
  procedureEndedSignal,
  WORKFLOW_TYPES,
  type ClockUpdate,
  type ProcedureDeadlineInput,
  type ProcedureDeadlineView,
  procedureDeadlineWorkflowId,
} from '@banjie/workflows';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { clockUpdateOf, endingOf, hasRunningClock, type ProjectedProcedure } from './procedure-projection';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { signalWithStartOnce } from '../temporal/signal-with-start-once';

type ClockSignal = SignalDefinition<[ClockUpdate], string>;

/** How a running clock hears what an action did to it; news with no effect of its own re-syncs the facts. */
const SIGNAL_OF_CLOCK_EFFECT: Readonly<Record<ClockEffect, ClockSignal>> = {
  NEW_APPLICATION: clockSyncedSignal,
  START: clockSyncedSignal,
  PAUSE: clockPausedSignal,
  RESUME: clockResumedSignal,
  EXTEND: limitExtendedSignal,
  END: clockSyncedSignal,
};

/** The signal of each action's event type (e.g. ProcedureSupplementRequested → clockPaused); any other news → clockSynced. */
const SIGNAL_OF_EVENT: ReadonlyMap<string, ClockSignal> = new Map(
  (Object.keys(PROCEDURE_ACTION_EVENTS) as ProcedureAction[]).map((action) => [
    PROCEDURE_ACTION_EVENTS[action].type,
    SIGNAL_OF_CLOCK_EFFECT[CLOCK_EFFECT_OF_ACTION[action]],
  ]),
);

export type ClockHealth = 'RUNNING' | 'STARTED' | 'SYNCED' | 'ENDED';

/**
 * Drives the `procedure-deadline:<procedureId>:<applicationNumber>` workflows from procedure
 * snapshots. Starting is signal-with-start, so a missing workflow is started with the facts and a
 * running one hears them; a completed one is never started again (reuse policy: only after a
 * failure or termination), so late or repeated news is harmless.
 */
@Injectable()
export class ProcedureDeadlineClient {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
    private readonly calendars: DeadlineCalendar,
  ) {}

  /** Tells the clock of the snapshot's application what changed (or starts it); returns false when there is nothing to tell. */
  async follow(p: ProjectedProcedure, eventType: string, correlationId: string): Promise<boolean> {
    if (hasRunningClock(p)) {
      await this.signalWithStart(p, SIGNAL_OF_EVENT.get(eventType) ?? clockSyncedSignal, correlationId);
      return true;
    }
    const outcome = endingOf(p);
    if (outcome === null || p.acceptedOn === null) return false;
    try {
      await this.handle(p).signal(procedureEndedSignal, {
        sequence: p.sequence,
        outcome,
        on: p.completedOn ?? p.effectiveDate,
      });
    } catch (error) {
      // Never accepted under this application number, or already ended: nothing to stop.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    return true;
  }

  /**
   * Makes sure an open clock has its running workflow with the latest facts: starts it when it is
   * missing (never started, lost, terminated), brings it up to date when Temporal has not been told
   * the snapshot's sequence (`told`: the projection recorded the signal). One describe per clock —
   * no query, which would have the worker replay every clock's history after a restart.
   */
  async heal(p: ProjectedProcedure, told: boolean, correlationId: string): Promise<ClockHealth> {
    try {
      const description = await this.handle(p).describe();
      if (description.status.name === 'COMPLETED') return 'ENDED';
      if (description.status.name === 'RUNNING') {
        if (told) return 'RUNNING';
        await this.signalWithStart(p, clockSyncedSignal, correlationId);
        return 'SYNCED';
      }
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    await this.signalWithStart(p, clockSyncedSignal, correlationId);
    return 'STARTED';
  }

  /** Gives a running clock the calendar in force (the workflow ignores a version it has); false when no clock runs for it. */
  async tellCalendar(p: ProjectedProcedure & { acceptedOn: string }): Promise<boolean> {
    try {
      await this.handle(p).signal(calendarChangedSignal, this.calendars.snapshotFor(p.acceptedOn));
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  query(
    p: Pick<ProjectedProcedure, 'procedureId' | 'applicationNumber'>,
    asOf?: string,
  ): Promise<ProcedureDeadlineView> {
    return this.handle(p).query(procedureDeadlineQuery, ...(asOf === undefined ? [] : [asOf]));
  }

  private handle(p: Pick<ProjectedProcedure, 'procedureId' | 'applicationNumber'>) {
    return this.client.workflow.getHandle(procedureDeadlineWorkflowId(p.procedureId, p.applicationNumber));
  }

  private async signalWithStart(
    p: ProjectedProcedure,
    signal: ClockSignal,
    correlationId: string,
  ): Promise<void> {
    if (!hasRunningClock(p)) return;
    const update = clockUpdateOf(p);
    const input: ProcedureDeadlineInput = {
      procedureId: p.procedureId,
      projectCode: p.projectCode,
      department: p.department,
      applicationNumber: p.applicationNumber,
      clock: update,
      ladder: this.config.ladder,
      calendar: this.calendars.snapshotFor(p.acceptedOn),
      correlationId,
    };
    await signalWithStartOnce(this.client, WORKFLOW_TYPES.procedureDeadline, {
      workflowId: procedureDeadlineWorkflowId(p.procedureId, p.applicationNumber),
      taskQueue: this.config.temporal.taskQueue,
      input,
      signal,
      signalArg: update,
    });
  }
}
