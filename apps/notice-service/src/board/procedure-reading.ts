import type { FlagBoardAcceptance } from '@banjie/contracts';
import {
  AcceptanceWindow,
  CalendarNotCoveredError,
  InvalidAcceptanceWindowError,
  PROCEDURE_CATALOGUE,
  acceptanceReceivedOn,
  boardFlag,
  dueDateReading,
  hasClock,
  procedureClock,
  procedureTimeline,
  type BoardFlag,
  type DueDateReading,
  type LocalDate,
  type ProcedureClockFacts,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { ProcedureFacts } from '../history/public-facts';

/**
 * What the board reads off one procedure's public facts, always with this service's copy of the
 * published calendar (not the dates an event carried: a calendar change moves them without any
 * procedure event). A date the calendar cannot count is never guessed: the reading is absent.
 */

/** How flags are coloured: the working-day calendar and the due-soon threshold. */
export interface FlagRules {
  calendar: WorkingDayCalendar;
  dueSoonWorkingDays: number;
}

export function clockFactsOf(procedure: ProcedureFacts): ProcedureClockFacts {
  return {
    acceptedOn: procedure.acceptedOn as LocalDate | null,
    committedWorkingDays: procedure.committedWorkingDays ?? 0,
    extensionWorkingDays: procedure.extensionWorkingDays,
    pauses: procedure.pauses.map((pause) => ({
      from: pause.from as LocalDate,
      to: pause.to as LocalDate | null,
    })),
  };
}

const NO_DUE_DATE: DueDateReading = { dueDate: null, provisional: false };

/** The due date of a running or paused clock, and whether it is provisional (暂定). */
export function dueDateOf(procedure: ProcedureFacts, calendar: WorkingDayCalendar): DueDateReading {
  return hasClock(procedure.status) ? clockDueDate(procedure, calendar) : NO_DUE_DATE;
}

/** The last day of the current application's limit, whatever its status now (an approved one's too). */
export function clockDueDate(procedure: ProcedureFacts, calendar: WorkingDayCalendar): DueDateReading {
  if (procedure.acceptedOn === null || procedure.committedWorkingDays === null) return NO_DUE_DATE;
  return uncounted(() => dueDateReading(procedureClock(clockFactsOf(procedure)), calendar)) ?? NO_DUE_DATE;
}

/** Working days counted against the limit from acceptance up to `day` (supplements and art. 45 periods left out); null before acceptance. */
export function usedWorkingDays(
  procedure: ProcedureFacts,
  day: LocalDate,
  calendar: WorkingDayCalendar,
): number | null {
  if (procedure.acceptedOn === null || procedure.committedWorkingDays === null) return null;
  return uncounted(() => procedureClock(clockFactsOf(procedure)).consumedWorkingDays(day, calendar));
}

/** Null only when the calendar cannot count the due date: the board never guesses a colour. */
export function flagOf(procedure: ProcedureFacts, asOf: LocalDate, rules: FlagRules): BoardFlag | null {
  return uncounted(() =>
    boardFlag(
      { status: procedure.status, clock: clockFactsOf(procedure) },
      asOf,
      rules.dueSoonWorkingDays,
      rules.calendar,
    ),
  );
}

/**
 * The acceptance window of the current submission (受理时限): from the day the complete materials
 * were received, as long as the catalogue or the plan says. Null before any known submission (older
 * events did not carry `submittedOn`) and while the applicant owes the supplement asked for.
 */
export function acceptanceWindowOf(
  procedure: ProcedureFacts,
  calendar: WorkingDayCalendar,
): AcceptanceWindow | null {
  const receivedOn = acceptanceReceivedOn({
    submittedOn: procedure.submittedOn ?? null,
    preAcceptanceSupplement: procedure.preAcceptanceSupplement ?? null,
  });
  if (receivedOn === null) return null;
  const days =
    procedure.acceptanceWorkingDays ?? PROCEDURE_CATALOGUE[procedure.procedure].acceptanceWorkingDays;
  return new AcceptanceWindow(receivedOn, days, calendar);
}

/** Whether the department accepted the current application itself, after its acceptance window had closed. */
export function acceptedAfterWindow(procedure: ProcedureFacts, calendar: WorkingDayCalendar): boolean {
  const acceptedOn = procedure.acceptedOn;
  if (acceptedOn === null || procedure.deemedAccepted === true) return false;
  const window = uncounted(() => acceptanceWindowOf(procedure, calendar));
  return window !== null && window.hasLapsed(acceptedOn as LocalDate);
}

/**
 * Where a SUBMITTED application stands before acceptance on `asOf`: waiting within its window, the
 * supplement asked for before acceptance owed by the applicant, or the window lapsed. Absent for
 * any other status, and for a submission whose day no event told (older events).
 */
export function acceptanceOf(
  procedure: ProcedureFacts,
  asOf: LocalDate,
  calendar: WorkingDayCalendar,
): FlagBoardAcceptance | undefined {
  const submittedOn = procedure.submittedOn ?? null;
  if (procedure.status !== 'SUBMITTED' || submittedOn === null) return undefined;
  return (
    uncounted(() => {
      const workingDaysWaiting = departmentDaysBeforeAcceptance(procedure, submittedOn, asOf, calendar);
      const window = acceptanceWindowOf(procedure, calendar);
      if (window === null)
        return { state: 'SUPPLEMENT_REQUESTED' as const, submittedOn, dueDate: null, workingDaysWaiting };
      return {
        state: window.hasLapsed(asOf) ? ('LAPSED' as const) : ('WAITING' as const),
        submittedOn,
        dueDate: window.closesOn,
        workingDaysWaiting,
      };
    }) ?? undefined
  );
}

/** Working days the department has held a submission by `asOf`: the applicant's supplement time left out. */
function departmentDaysBeforeAcceptance(
  procedure: ProcedureFacts,
  submittedOn: string,
  asOf: LocalDate,
  calendar: WorkingDayCalendar,
): number {
  const supplement = procedure.preAcceptanceSupplement ?? null;
  const timeline = procedureTimeline(
    {
      submittedOn: submittedOn as LocalDate,
      preAcceptanceSupplement: supplement && {
        from: supplement.from as LocalDate,
        to: supplement.to as LocalDate | null,
      },
      acceptedOn: null,
      // The limit plays no part before acceptance; the timeline only wants a valid one.
      committedWorkingDays: procedure.committedWorkingDays ?? 1,
      extensionWorkingDays: 0,
      supplements: [],
      excludedPeriods: [],
      endedOn: null,
    },
    asOf,
    calendar,
  );
  return timeline.byPhase.AWAITING_ACCEPTANCE;
}

/** The reading, or null when the calendar cannot count it (or the window's length is not one the law allows). */
function uncounted<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof CalendarNotCoveredError || error instanceof InvalidAcceptanceWindowError)
      return null;
    throw error;
  }
}
