// Where a history leaves each procedure on a given day, by the domain's own rules (state machine,
// clock, board flag, rate): the figures the board and the summary should show once it is played.
import { ProcedureAction, ProcedureStatus } from '@banjie/contracts';
import {
  BOARD_FLAGS,
  boardFlag,
  decide,
  rate,
  type BoardFlag,
  type ClockPause,
  type LocalDate,
  type ProcedureClockFacts,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { ProcedureHistory } from './approval-history';

export interface ProcedureOnDay {
  status: ProcedureStatus;
  clock: ProcedureClockFacts;
}

/** Replays the steps taken by the end of `asOf`; throws if the state machine refuses one. */
export function procedureOnDay(history: ProcedureHistory, asOf: LocalDate): ProcedureOnDay {
  let state = { status: ProcedureStatus.PLANNED as ProcedureStatus, extensionsUsed: 0 };
  let acceptedOn: LocalDate | null = null;
  let pauses: ClockPause[] = [];
  let extensionWorkingDays = 0;
  for (const step of history.steps) {
    if (step.effectiveDate > asOf) break;
    const decision = decide(state, step.action);
    if (!decision.ok)
      throw new Error(
        `${history.projectName} ${history.procedure}: ${step.action} on ${step.effectiveDate} is not allowed from ${state.status}`,
      );
    if (decision.newApplication) {
      acceptedOn = null;
      pauses = [];
      extensionWorkingDays = 0;
    }
    if (step.action === ProcedureAction.ACCEPT) acceptedOn = step.effectiveDate;
    if (step.action === ProcedureAction.REQUEST_SUPPLEMENT)
      pauses = [...pauses, { from: step.effectiveDate, to: null }];
    if (step.action === ProcedureAction.RESUBMIT)
      pauses = pauses.map((pause) => (pause.to == null ? { ...pause, to: step.effectiveDate } : pause));
    if (step.action === ProcedureAction.EXTEND) extensionWorkingDays += step.details.days as number;
    state = { status: decision.next, extensionsUsed: decision.extensionsUsed };
  }
  return {
    status: state.status,
    clock: { acceptedOn, committedWorkingDays: history.committedWorkingDays, pauses, extensionWorkingDays },
  };
}

export interface HistoryFigures {
  asOf: LocalDate;
  /** REQUIRED procedures (the rate's denominator). */
  required: number;
  approved: number;
  rate: number | null;
  /** The REQUIRED procedures' flags on the board that day. */
  flags: Record<BoardFlag, number>;
}

export function figuresOnDay(
  histories: readonly ProcedureHistory[],
  asOf: LocalDate,
  calendar: WorkingDayCalendar,
  dueSoonWorkingDays: number,
): HistoryFigures {
  const flags = Object.fromEntries(BOARD_FLAGS.map((flag) => [flag, 0])) as Record<BoardFlag, number>;
  for (const history of histories)
    flags[boardFlag(procedureOnDay(history, asOf), asOf, dueSoonWorkingDays, calendar)] += 1;
  return {
    asOf,
    required: histories.length,
    approved: flags.GREEN,
    rate: rate(flags.GREEN, histories.length),
    flags,
  };
}
