import { ProcedureStatus } from '@banjie/contracts/enums';
import type { LocalDate } from '../calendar/local-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { ProcedureClock, type ProcedureClockFacts } from '../procedures/procedure-clock';

/** The public flag of one procedure on the flag board (挂旗公示). */
export type BoardFlag = 'GREY' | 'BLUE' | 'YELLOW' | 'RED' | 'GREEN' | 'NOT_APPLICABLE' | 'ALREADY_HELD';

export const BOARD_FLAGS: readonly BoardFlag[] = Object.freeze([
  'GREY',
  'BLUE',
  'YELLOW',
  'RED',
  'GREEN',
  'NOT_APPLICABLE',
  'ALREADY_HELD',
]);

export interface FlaggedProcedure {
  readonly status: ProcedureStatus;
  readonly clock: ProcedureClockFacts | ProcedureClock;
}

/**
 * - GREY: no government clock runs — PLANNED, SUBMITTED, and also REFUSED and WITHDRAWN (the
 *   application is over and the ball is with the applicant to apply again; the board shows the
 *   government's commitments, and none is pending).
 * - BLUE / YELLOW / RED: accepted and in time / due within `dueSoonWorkingDays` / overdue. A
 *   procedure waiting for a supplement keeps the colour of its clock as of the request (the clock
 *   is frozen then), so a supplement request can neither hide nor cause a red flag.
 * - GREEN: APPROVED. NOT_APPLICABLE and ALREADY_HELD show as themselves.
 */
export function boardFlag(
  procedure: FlaggedProcedure,
  asOf: LocalDate,
  dueSoonWorkingDays: number,
  calendar: WorkingDayCalendar,
): BoardFlag {
  switch (procedure.status) {
    case ProcedureStatus.PLANNED:
    case ProcedureStatus.SUBMITTED:
    case ProcedureStatus.REFUSED:
    case ProcedureStatus.WITHDRAWN:
      return 'GREY';
    case ProcedureStatus.APPROVED:
      return 'GREEN';
    case ProcedureStatus.NOT_APPLICABLE:
      return 'NOT_APPLICABLE';
    case ProcedureStatus.ALREADY_HELD:
      return 'ALREADY_HELD';
    case ProcedureStatus.ACCEPTED:
    case ProcedureStatus.SUPPLEMENT_REQUESTED: {
      const clock =
        procedure.clock instanceof ProcedureClock ? procedure.clock : new ProcedureClock(procedure.clock);
      // No colour without a due date: one the calendar cannot count throws here instead of showing BLUE.
      clock.dueDate(calendar);
      const timeliness = clock.timeliness(asOf, dueSoonWorkingDays, calendar);
      if (timeliness === null)
        throw new Error(`a ${procedure.status} procedure must have an acceptance date`);
      return timeliness === 'OVERDUE' ? 'RED' : timeliness === 'DUE_SOON' ? 'YELLOW' : 'BLUE';
    }
  }
}
