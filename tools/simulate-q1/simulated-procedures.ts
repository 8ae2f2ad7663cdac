import type { ProcedureStatus } from '@banjie/contracts';
import {
  procedureClock,
  procedureCompletionRate,
  type CompletionTally,
  type LocalDate,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { ClockUpdate, ProcedureEnd, ProcedureForTarget } from '@banjie/workflows';
import type { ProcedureSchedule } from './pace-model';

export type SimulatedStep = 'SUBMITTED' | 'ACCEPTED' | 'SUPPLEMENT_REQUESTED' | 'RESUBMITTED' | 'APPROVED';

export interface SimulatedEvent {
  on: LocalDate;
  step: SimulatedStep;
  procedureId: string;
}

/** What the procedure's clock workflow has to be told after a step. */
export type ClockNews =
  | { kind: 'NONE' }
  | { kind: 'START'; clock: ClockUpdate }
  | { kind: 'PAUSED' | 'RESUMED'; clock: ClockUpdate }
  | { kind: 'ENDED'; end: ProcedureEnd };

interface ProcedureState {
  schedule: ProcedureSchedule;
  status: ProcedureStatus;
  /** +1 per change, like the approval service's snapshots (1 = opened). */
  sequence: number;
  acceptedOn: LocalDate | null;
  pauses: { from: LocalDate; to: LocalDate | null }[];
  completedOn: LocalDate | null;
}

/** The steps of every schedule that fall on or before `lastDay`, grouped by day. */
export function stepsByDay(
  schedules: readonly ProcedureSchedule[],
  lastDay: LocalDate,
): Map<LocalDate, SimulatedEvent[]> {
  const byDay = new Map<LocalDate, SimulatedEvent[]>();
  for (const s of schedules) {
    const steps: [LocalDate, SimulatedStep][] = [
      [s.submittedOn, 'SUBMITTED'],
      [s.acceptedOn, 'ACCEPTED'],
      ...(s.supplement
        ? ([
            [s.supplement.requestedOn, 'SUPPLEMENT_REQUESTED'],
            [s.supplement.resubmittedOn, 'RESUBMITTED'],
          ] as [LocalDate, SimulatedStep][])
        : []),
      [s.approvedOn, 'APPROVED'],
    ];
    for (const [on, step] of steps) {
      if (on > lastDay) break;
      const day = byDay.get(on) ?? [];
      day.push({ on, step, procedureId: s.procedure.procedureId });
      byDay.set(on, day);
    }
  }
  return byDay;
}

/**
 * The simulated departments' side: the state of every required procedure as the steps happen —
 * what the approval service's projection would hold — and what each step means for its clock.
 */
export class SimulatedProcedures {
  private readonly states = new Map<string, ProcedureState>();

  constructor(
    schedules: readonly ProcedureSchedule[],
    private readonly calendar: WorkingDayCalendar,
  ) {
    for (const schedule of schedules) {
      this.states.set(schedule.procedure.procedureId, {
        schedule,
        status: 'PLANNED',
        sequence: 1,
        acceptedOn: null,
        pauses: [],
        completedOn: null,
      });
    }
  }

  apply(event: SimulatedEvent): ClockNews {
    const state = this.states.get(event.procedureId);
    if (!state) throw new Error(`no simulated procedure ${event.procedureId}`);
    state.sequence += 1;
    switch (event.step) {
      case 'SUBMITTED':
        state.status = 'SUBMITTED';
        return { kind: 'NONE' };
      case 'ACCEPTED':
        Object.assign(state, { status: 'ACCEPTED', acceptedOn: event.on });
        return { kind: 'START', clock: this.clockOf(state) };
      case 'SUPPLEMENT_REQUESTED':
        state.status = 'SUPPLEMENT_REQUESTED';
        state.pauses = [{ from: event.on, to: null }];
        return { kind: 'PAUSED', clock: this.clockOf(state) };
      case 'RESUBMITTED':
        state.status = 'ACCEPTED';
        state.pauses = state.pauses.map((pause) => ({ ...pause, to: pause.to ?? event.on }));
        return { kind: 'RESUMED', clock: this.clockOf(state) };
      case 'APPROVED':
        Object.assign(state, { status: 'APPROVED', completedOn: event.on });
        return { kind: 'ENDED', end: { sequence: state.sequence, outcome: 'APPROVED', on: event.on } };
    }
  }

  /** Every procedure as the quarter reading sees it (`readQuarter`'s input). */
  forTarget(): ProcedureForTarget[] {
    return [...this.states.values()].map((state) => {
      const { procedure } = state.schedule;
      return {
        procedureId: procedure.procedureId,
        projectCode: procedure.projectCode,
        department: procedure.department,
        status: state.status,
        acceptedOn: state.acceptedOn,
        dueDate: this.dueDateOf(state),
        targetDate: procedure.targetDate,
        completedOn: state.completedOn,
      };
    });
  }

  tally(): CompletionTally {
    return procedureCompletionRate([...this.states.values()]);
  }

  private clockOf(state: ProcedureState): ClockUpdate {
    return {
      sequence: state.sequence,
      facts: {
        acceptedOn: state.acceptedOn!,
        committedWorkingDays: state.schedule.procedure.committedWorkingDays,
        extensionWorkingDays: 0,
        pauses: state.pauses,
      },
    };
  }

  private dueDateOf(state: ProcedureState): LocalDate | null {
    if (state.acceptedOn === null) return null;
    return procedureClock({
      acceptedOn: state.acceptedOn,
      committedWorkingDays: state.schedule.procedure.committedWorkingDays,
      pauses: state.pauses,
    }).dueDate(this.calendar);
  }
}
