import {
  applicationAsOf,
  CalendarNotCoveredError,
  InconsistentHistoryError,
  InvalidTimelineFactsError,
  PROCEDURE_CATALOGUE,
  procedureTimeline,
  type AppliedChange,
  type ApplicationAsOf,
  type LocalDate,
  type ProcedureTimeline,
  type WorkingDayCalendar,
} from '@banjie/domain';
import type { ProcedureRecord } from '../procedures/procedure.record';

/** Why a procedure has no timeline on a day. */
export type TimelineUnavailableCode = 'NO_APPLICATION' | 'CALENDAR_NOT_COVERED' | 'HISTORY_INCONSISTENT';

export type TimelineReading =
  | {
      readonly counted: true;
      readonly application: ApplicationAsOf;
      readonly timeline: ProcedureTimeline;
      /** Counted across a year nobody has published yet (暂定). */
      readonly provisional: boolean;
    }
  | { readonly counted: false; readonly code: TimelineUnavailableCode; readonly message: string };

/** The limit an application is held to: the record's committed limit, else the plan's, else the catalogue's. */
export function committedLimitOf(
  record: Pick<ProcedureRecord, 'procedure' | 'committedWorkingDays' | 'plannedWorkingDays'>,
): number {
  return (
    record.committedWorkingDays ??
    record.plannedWorkingDays ??
    PROCEDURE_CATALOGUE[record.procedure].committedWorkingDays
  );
}

/**
 * The current application of a procedure as of `asOf` and whose turn each of its working days
 * was; or why there is none: nothing submitted by then, a year the calendar cannot count (never
 * guessed), or a trail the state machine cannot have written.
 */
export function readTimeline(
  changes: readonly AppliedChange[],
  asOf: LocalDate,
  committedWorkingDays: number,
  calendar: WorkingDayCalendar,
): TimelineReading {
  try {
    const application = applicationAsOf(changes, asOf, committedWorkingDays);
    if (application === null)
      return { counted: false, code: 'NO_APPLICATION', message: `nothing was submitted by ${asOf}` };
    const timeline = procedureTimeline(application.facts, asOf, calendar);
    const { submittedOn, endedOn } = application.facts;
    const last = endedOn !== null && endedOn < asOf ? endedOn : asOf;
    return {
      counted: true,
      application,
      timeline,
      provisional: calendar.provisionalBetween(submittedOn, last),
    };
  } catch (error) {
    if (error instanceof CalendarNotCoveredError)
      return { counted: false, code: 'CALENDAR_NOT_COVERED', message: error.message };
    if (error instanceof InconsistentHistoryError || error instanceof InvalidTimelineFactsError)
      return { counted: false, code: 'HISTORY_INCONSISTENT', message: error.message };
    throw error;
  }
}
