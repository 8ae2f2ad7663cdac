import type { ExcludedPeriodReason } from '@banjie/contracts/enums';
import { addDays, isLocalDate, type LocalDate } from '../calendar/local-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** A period from `from` to `to` (open while `to` is null); like a supplement, its days count from the day after `from` up to `to`. */
export interface TimelinePeriod {
  readonly from: LocalDate;
  readonly to: LocalDate | null;
}

export interface ExcludedPeriod extends TimelinePeriod {
  readonly reason: ExcludedPeriodReason;
}

/** One application's facts, as the approval service records them. */
export interface TimelineFacts {
  readonly submittedOn: LocalDate;
  /** A supplement asked for before acceptance (一次性告知) and the day the materials arrived. */
  readonly preAcceptanceSupplement: TimelinePeriod | null;
  /** The acceptance day (a deemed acceptance is dated the day the materials were received); null before. */
  readonly acceptedOn: LocalDate | null;
  readonly committedWorkingDays: number;
  readonly extensionWorkingDays: number;
  /** Supplement requests after acceptance (the enterprise's time). */
  readonly supplements: readonly TimelinePeriod[];
  readonly excludedPeriods: readonly ExcludedPeriod[];
  /** The day the application ended (approved, refused, withdrawn …); null while open. */
  readonly endedOn: LocalDate | null;
}

/** Whose turn a working day was. */
export type TimelineHolder = 'DEPARTMENT' | 'ENTERPRISE' | 'NOBODY';

export type TimelinePhase =
  /** Submitted, not yet accepted: the department's time. */
  | 'AWAITING_ACCEPTANCE'
  /** Within the committed limit. */
  | 'PROCESSING'
  /** Beyond the committed limit, within the granted extension: the department's, counted apart. */
  | 'EXTENSION'
  /** Beyond the limit and any extension. */
  | 'OVERDUE'
  /** Waiting for the enterprise's supplement. */
  | 'SUPPLEMENT'
  /** An art. 45 period: nobody's. */
  | 'EXCLUDED';

const HOLDER_OF_PHASE: Readonly<Record<TimelinePhase, TimelineHolder>> = {
  AWAITING_ACCEPTANCE: 'DEPARTMENT',
  PROCESSING: 'DEPARTMENT',
  EXTENSION: 'DEPARTMENT',
  OVERDUE: 'DEPARTMENT',
  SUPPLEMENT: 'ENTERPRISE',
  EXCLUDED: 'NOBODY',
};

/** Consecutive working days in one phase: `from` and `to` are the first and last working day. */
export interface TimelineSegment {
  readonly phase: TimelinePhase;
  readonly holder: TimelineHolder;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly workingDays: number;
  readonly reason?: ExcludedPeriodReason;
}

export type WorkingDaysByPhase = Record<TimelinePhase, number>;

export interface ProcedureTimeline {
  readonly segments: readonly TimelineSegment[];
  readonly byPhase: WorkingDaysByPhase;
  readonly byHolder: Record<TimelineHolder, number>;
  /** Working days counted against the limit (processing, extension and overdue). */
  readonly usedWorkingDays: number;
  readonly committedWorkingDays: number;
  readonly extensionWorkingDays: number;
}

export class InvalidTimelineFactsError extends Error {
  constructor(message: string) {
    super(`invalid timeline facts: ${message}`);
    this.name = 'InvalidTimelineFactsError';
  }
}

function within(day: LocalDate, period: TimelinePeriod): boolean {
  return period.from < day && (period.to === null || day <= period.to);
}

function validate(facts: TimelineFacts): void {
  const dates = [
    facts.submittedOn,
    facts.acceptedOn,
    facts.endedOn,
    ...[facts.preAcceptanceSupplement, ...facts.supplements, ...facts.excludedPeriods].flatMap((p) =>
      p === null ? [] : [p.from, p.to],
    ),
  ];
  if (dates.some((date) => date !== null && !isLocalDate(date)))
    throw new InvalidTimelineFactsError('every date must be a valid YYYY-MM-DD date');
  if (facts.acceptedOn !== null && facts.acceptedOn < facts.submittedOn)
    throw new InvalidTimelineFactsError(
      `accepted on ${facts.acceptedOn}, before the submission ${facts.submittedOn}`,
    );
  if (!Number.isInteger(facts.committedWorkingDays) || facts.committedWorkingDays < 1)
    throw new InvalidTimelineFactsError(
      'the committed limit must be a positive whole number of working days',
    );
  if (!Number.isInteger(facts.extensionWorkingDays) || facts.extensionWorkingDays < 0)
    throw new InvalidTimelineFactsError('the extension must be a non-negative whole number of working days');
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/**
 * Splits the working days of one application, from the day after its submission to the day it
 * ended (or `asOf`), by whose turn it was. Supplements and excluded periods take the working days
 * from the day after they began up to the day they ended, as the clock does (procedure-clock.ts):
 * the day of a request is still the department's, the day of the answer is not. The counted days
 * after acceptance fill the committed limit, then the extension, then run overdue.
 */
export function procedureTimeline(
  facts: TimelineFacts,
  asOf: LocalDate,
  calendar: WorkingDayCalendar,
): ProcedureTimeline {
  validate(facts);
  const last = facts.endedOn !== null && facts.endedOn < asOf ? facts.endedOn : asOf;
  const segments: TimelineSegment[] = [];
  let counted = 0;
  for (let day = addDays(facts.submittedOn, 1); day <= last; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const excluded = facts.excludedPeriods.find((period) => within(day, period));
    let phase: TimelinePhase;
    if (facts.acceptedOn === null || day <= facts.acceptedOn) {
      const supplement = facts.preAcceptanceSupplement;
      phase = supplement !== null && within(day, supplement) ? 'SUPPLEMENT' : 'AWAITING_ACCEPTANCE';
    } else if (facts.supplements.some((period) => within(day, period))) phase = 'SUPPLEMENT';
    else if (excluded) phase = 'EXCLUDED';
    else {
      counted += 1;
      phase =
        counted <= facts.committedWorkingDays
          ? 'PROCESSING'
          : counted <= facts.committedWorkingDays + facts.extensionWorkingDays
            ? 'EXTENSION'
            : 'OVERDUE';
    }
    const reason = phase === 'EXCLUDED' ? excluded?.reason : undefined;
    const open = segments.at(-1);
    if (open && open.phase === phase && open.reason === reason) {
      segments[segments.length - 1] = { ...open, to: day, workingDays: open.workingDays + 1 };
    } else {
      segments.push({
        phase,
        holder: HOLDER_OF_PHASE[phase],
        from: day,
        to: day,
        workingDays: 1,
        ...(reason ? { reason } : {}),
      });
    }
  }
  const byPhase = emptyCounts<TimelinePhase>(Object.keys(HOLDER_OF_PHASE) as TimelinePhase[]);
  const byHolder = emptyCounts<TimelineHolder>(['DEPARTMENT', 'ENTERPRISE', 'NOBODY']);
  for (const segment of segments) {
    byPhase[segment.phase] += segment.workingDays;
    byHolder[segment.holder] += segment.workingDays;
  }
  return {
    segments,
    byPhase,
    byHolder,
    usedWorkingDays: counted,
    committedWorkingDays: facts.committedWorkingDays,
    extensionWorkingDays: facts.extensionWorkingDays,
  };
}
