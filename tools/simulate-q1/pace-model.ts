import { addDays, maxLocalDate, SeededRandom, type LocalDate, type WorkingDayCalendar } from '@banjie/domain';
import { paceOf, type SimulationOptions } from './options';
import type { RequiredProcedure } from './portfolio';

/** What happens to one required procedure in the simulated departments, day by day (Chinese working days). */
export interface ProcedureSchedule {
  procedure: RequiredProcedure;
  submittedOn: LocalDate;
  /** 受理: the committed working-day clock starts the day after. */
  acceptedOn: LocalDate;
  /** Working days the review takes on the clock (a supplement request's pause not counted). */
  reviewWorkingDays: number;
  /** 补正: asked on `requestedOn` (still a clock day), answered on `resubmittedOn` (the clock restarts the day after). */
  supplement: { requestedOn: LocalDate; resubmittedOn: LocalDate } | null;
  /** 办结 — possibly after the quarter, in which case the quarter never sees it. */
  approvedOn: LocalDate;
}

/** Working days between submission and acceptance: 1 to this many. */
const MAX_ACCEPTANCE_WORKING_DAYS = 3;
/** A supplement request keeps the file with the applicant for 2 to 8 working days. */
const SUPPLEMENT_WORKING_DAYS = { min: 2, max: 8 };

/** The working day on or after `date`. */
function workingDayFrom(date: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
}

/** The working day from which `date` is `n` working days away (`workingDaysBetween(result, date) === n`). */
function workingDaysEarlier(date: LocalDate, n: number, calendar: WorkingDayCalendar): LocalDate {
  let day = addDays(date, -n);
  while (calendar.workingDaysBetween(day, date) < n || !calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** A whole number from `min` to `max`, from one uniform draw. */
const between = (uniform: number, min: number, max: number): number =>
  min + Math.floor(uniform * (max - min + 1));

/** A log-normal draw with the given mean and σ (of the logarithm), from two uniform draws (Box–Muller). */
function logNormal(mean: number, sigma: number, u1: number, u2: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * z);
}

/**
 * The department-pace model. For each required procedure, from the seeded generator:
 *
 * - **submission**: the applicant aims at the plan's target date — the latest working day that
 *   leaves acceptance and the whole committed limit before it — and submits 0 to
 *   `submitEarlyWorkingDays` working days earlier than that, never before the project was listed
 *   or the quarter began;
 * - **acceptance** 1–3 working days later;
 * - **review**: a log-normal number of working days with mean `pace × limit` (the department's
 *   pace when overridden) and spread `spread`, at least 1 — so at a pace of 0.8 most approvals
 *   come in time and some are late;
 * - with probability `supplementShare`, one **supplement request** during the review, answered
 *   2–8 working days later (the clock pauses, the approval moves by as much).
 *
 * Every procedure draws the same number of values in the same order, so one seed gives the same
 * applicants whatever the pace: runs with different paces compare the departments only.
 */
export function scheduleProcedures(
  procedures: readonly RequiredProcedure[],
  options: Pick<
    SimulationOptions,
    'seed' | 'pace' | 'paceByDepartment' | 'spread' | 'submitEarlyWorkingDays' | 'supplementShare'
  >,
  quarterFirstDay: LocalDate,
  calendar: WorkingDayCalendar,
): ProcedureSchedule[] {
  const random = new SeededRandom(options.seed);
  return procedures.map((procedure) => {
    const [acceptRoll, earlyRoll, u1, u2, supplementRoll, requestRoll, pauseRoll] = Array.from(
      { length: 7 },
      () => random.next(),
    ) as [number, number, number, number, number, number, number];
    const acceptanceDays = between(acceptRoll, 1, MAX_ACCEPTANCE_WORKING_DAYS);
    const earliest = workingDayFrom(maxLocalDate(procedure.listedOn, quarterFirstDay), calendar);
    const aimed = workingDaysEarlier(
      procedure.targetDate,
      procedure.committedWorkingDays + acceptanceDays,
      calendar,
    );
    const submittedOn = maxLocalDate(
      earliest,
      workingDaysEarlier(aimed, between(earlyRoll, 0, options.submitEarlyWorkingDays), calendar),
    );
    const acceptedOn = calendar.addWorkingDays(submittedOn, acceptanceDays);
    const mean = paceOf(options, procedure.department) * procedure.committedWorkingDays;
    const reviewWorkingDays = Math.max(1, Math.round(logNormal(mean, options.spread, u1, u2)));

    if (supplementRoll < options.supplementShare && reviewWorkingDays >= 2) {
      const askedAfter = between(
        requestRoll,
        1,
        Math.min(reviewWorkingDays - 1, procedure.committedWorkingDays),
      );
      const requestedOn = calendar.addWorkingDays(acceptedOn, askedAfter);
      const resubmittedOn = calendar.addWorkingDays(
        requestedOn,
        between(pauseRoll, SUPPLEMENT_WORKING_DAYS.min, SUPPLEMENT_WORKING_DAYS.max),
      );
      const approvedOn = calendar.addWorkingDays(resubmittedOn, reviewWorkingDays - askedAfter);
      return {
        procedure,
        submittedOn,
        acceptedOn,
        reviewWorkingDays,
        supplement: { requestedOn, resubmittedOn },
        approvedOn,
      };
    }
    return {
      procedure,
      submittedOn,
      acceptedOn,
      reviewWorkingDays,
      supplement: null,
      approvedOn: calendar.addWorkingDays(acceptedOn, reviewWorkingDays),
    };
  });
}
