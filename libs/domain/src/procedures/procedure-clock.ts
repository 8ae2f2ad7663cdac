import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { isLocalDate, minLocalDate, type LocalDate } from '../calendar/local-date';

/** A supplement request (补正): asked on `from`, answered (resubmitted) on `to`; open while `to` is absent. */
export interface ClockPause {
  readonly from: LocalDate;
  readonly to?: LocalDate | null;
}

export interface ProcedureClockFacts {
  /** The day the department accepted (受理) the application; null before acceptance. */
  readonly acceptedOn: LocalDate | null;
  /** The committed limit N, in working days. */
  readonly committedWorkingDays: number;
  /** Supplement requests, in order, not overlapping; only the last may be open. */
  readonly pauses?: readonly ClockPause[];
  /** Working days granted by extension (0 if none). */
  readonly extensionWorkingDays?: number;
}

export type Timeliness = 'IN_TIME' | 'DUE_SOON' | 'OVERDUE';
export type DeadlineStatus = 'NOT_STARTED' | 'PAUSED' | Timeliness;

export class InvalidClockFactsError extends Error {
  constructor(message: string) {
    super(`invalid procedure clock facts: ${message}`);
    this.name = 'InvalidClockFactsError';
  }
}

/**
 * The working-day clock of one application.
 *
 * - The day of acceptance D does not count: the clock counts the working days in (D, …].
 *   With limit L = committed + extension days, the due date is the L-th counted working day,
 *   and the limit ends at the end of that day.
 * - A supplement request asked on P and resubmitted on R suspends the clock for the working
 *   days in (P, R]: the day of the request still counts (the department worked on the file that
 *   day) and the day of resubmission does not (like a fresh acceptance, the clock restarts the
 *   day after). While a request is open, no day after P counts, so the remaining days are frozen
 *   at their value on P. The procedure shows PAUSED on the days [P, R).
 * - remainingWorkingDays = L − counted days so far: L on the day of acceptance, 0 on the due
 *   date, negative once a working day has passed beyond it. OVERDUE means remaining < 0, so the
 *   rest days right after a due date still show 0 (DUE_SOON) and the clock turns OVERDUE on the
 *   next working day, when somebody could have acted and did not.
 */
export class ProcedureClock {
  readonly acceptedOn: LocalDate | null;
  readonly limitWorkingDays: number;
  readonly pauses: readonly ClockPause[];

  constructor(facts: ProcedureClockFacts) {
    const extension = facts.extensionWorkingDays ?? 0;
    if (!Number.isInteger(facts.committedWorkingDays) || facts.committedWorkingDays < 1) {
      throw new InvalidClockFactsError(
        `committed limit must be a positive whole number of working days, got ${facts.committedWorkingDays}`,
      );
    }
    if (!Number.isInteger(extension) || extension < 0) {
      throw new InvalidClockFactsError(
        `extension must be a non-negative whole number of working days, got ${extension}`,
      );
    }
    if (facts.acceptedOn !== null && !isLocalDate(facts.acceptedOn)) {
      throw new InvalidClockFactsError(`acceptedOn is not a valid date: ${JSON.stringify(facts.acceptedOn)}`);
    }
    this.acceptedOn = facts.acceptedOn;
    this.limitWorkingDays = facts.committedWorkingDays + extension;
    this.pauses = Object.freeze(
      (facts.pauses ?? []).map((p) => Object.freeze({ from: p.from, to: p.to ?? null })),
    );
    this.validatePauses();
  }

  /** The pause in force on `asOf` (P ≤ asOf < R, or open), if any. */
  pauseOn(asOf: LocalDate): ClockPause | null {
    return this.pauses.find((p) => p.from <= asOf && (p.to == null || asOf < p.to)) ?? null;
  }

  /** Working days counted against the limit up to and including `asOf`. */
  consumedWorkingDays(asOf: LocalDate, calendar: WorkingDayCalendar): number {
    const accepted = this.acceptedOn;
    if (accepted === null || asOf <= accepted) return 0;
    let consumed = calendar.workingDaysBetween(accepted, asOf);
    for (const pause of this.pauses) {
      if (pause.from >= asOf) break;
      consumed -= calendar.workingDaysBetween(
        pause.from,
        pause.to == null ? asOf : minLocalDate(pause.to, asOf),
      );
    }
    return consumed;
  }

  /** L − consumed; null before acceptance. */
  remainingWorkingDays(asOf: LocalDate, calendar: WorkingDayCalendar): number | null {
    if (this.acceptedOn === null) return null;
    return this.limitWorkingDays - this.consumedWorkingDays(asOf, calendar);
  }

  /**
   * The last day of the limit; null before acceptance, or while a supplement request that
   * began before the limit ran out is still open (the date depends on when it is answered).
   */
  dueDate(calendar: WorkingDayCalendar): LocalDate | null {
    if (this.acceptedOn === null) return null;
    let countedUpTo = this.acceptedOn;
    let counted = 0;
    for (const pause of this.pauses) {
      const before = calendar.workingDaysBetween(countedUpTo, pause.from);
      if (counted + before >= this.limitWorkingDays) break;
      counted += before;
      if (pause.to == null) return null;
      countedUpTo = pause.to;
    }
    return calendar.addWorkingDays(countedUpTo, this.limitWorkingDays - counted);
  }

  /** How the remaining days compare with the due-soon threshold (frozen during a pause); null before acceptance. */
  timeliness(asOf: LocalDate, dueSoonWorkingDays: number, calendar: WorkingDayCalendar): Timeliness | null {
    if (!Number.isInteger(dueSoonWorkingDays) || dueSoonWorkingDays < 0) {
      throw new RangeError(`dueSoonWorkingDays must be a non-negative integer, got ${dueSoonWorkingDays}`);
    }
    const remaining = this.remainingWorkingDays(asOf, calendar);
    if (remaining === null) return null;
    if (remaining < 0) return 'OVERDUE';
    return remaining <= dueSoonWorkingDays ? 'DUE_SOON' : 'IN_TIME';
  }

  deadlineStatus(asOf: LocalDate, dueSoonWorkingDays: number, calendar: WorkingDayCalendar): DeadlineStatus {
    const timeliness = this.timeliness(asOf, dueSoonWorkingDays, calendar);
    if (timeliness === null || this.acceptedOn === null || asOf < this.acceptedOn) return 'NOT_STARTED';
    if (this.pauseOn(asOf) !== null) return 'PAUSED';
    return timeliness;
  }

  private validatePauses(): void {
    if (this.pauses.length === 0) return;
    if (this.acceptedOn === null)
      throw new InvalidClockFactsError('a clock that has not started cannot be paused');
    let earliest: LocalDate = this.acceptedOn;
    this.pauses.forEach((pause, i) => {
      if (!isLocalDate(pause.from) || (pause.to != null && !isLocalDate(pause.to))) {
        throw new InvalidClockFactsError(`pause ${i} has an invalid date`);
      }
      if (pause.from < earliest) {
        throw new InvalidClockFactsError(
          `pause ${i} starts on ${pause.from}, before ${earliest} (acceptance or the previous pause's end)`,
        );
      }
      if (pause.to == null) {
        if (i !== this.pauses.length - 1)
          throw new InvalidClockFactsError(`only the last pause may be open (pause ${i} is not)`);
        return;
      }
      if (pause.to < pause.from)
        throw new InvalidClockFactsError(`pause ${i} ends on ${pause.to}, before it starts on ${pause.from}`);
      earliest = pause.to;
    });
  }
}

export function procedureClock(facts: ProcedureClockFacts): ProcedureClock {
  return new ProcedureClock(facts);
}

export interface DueDateReading {
  dueDate: LocalDate | null;
  /** Counted across a year whose holiday arrangement nobody has published yet (暂定). */
  provisional: boolean;
}

/** A clock's due date by a calendar, and whether it is provisional. Throws like `dueDate` for a calendar that cannot count it. */
export function dueDateReading(clock: ProcedureClock, calendar: WorkingDayCalendar): DueDateReading {
  const dueDate = clock.dueDate(calendar);
  return {
    dueDate,
    provisional:
      dueDate !== null && clock.acceptedOn !== null && calendar.provisionalBetween(clock.acceptedOn, dueDate),
  };
}
