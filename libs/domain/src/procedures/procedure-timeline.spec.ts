import fc from 'fast-check';
import { createChineseWorkingDayCalendar } from '../calendar/chinese-working-day-calendar';
import { addDays, parseLocalDate, type LocalDate } from '../calendar/local-date';
import { ProcedureClock } from './procedure-clock';
import { InvalidTimelineFactsError, procedureTimeline, type TimelineFacts } from './procedure-timeline';

const calendar = createChineseWorkingDayCalendar();
const d = parseLocalDate;

const facts = (overrides: Partial<TimelineFacts>): TimelineFacts => ({
  submittedOn: d('2023-03-01'),
  preAcceptanceSupplement: null,
  acceptedOn: d('2023-03-03'),
  committedWorkingDays: 10,
  extensionWorkingDays: 0,
  supplements: [],
  excludedPeriods: [],
  endedOn: null,
  ...overrides,
});

describe('whose clock: the procedure timeline', () => {
  it('splits two supplements, an expert review and an extension by whose turn it was', () => {
    // March 2023 has no holiday. Submitted Wed 1 Mar, accepted Fri 3 Mar (2 days awaiting acceptance:
    // 2, 3 Mar). Supplement asked Tue 7 Mar, answered Thu 9 Mar (8, 9 Mar: enterprise). Expert review
    // Mon 13 → Wed 15 Mar (14, 15 Mar: nobody). Supplement Fri 17 → Tue 21 Mar (20, 21 Mar: enterprise).
    // Counted: 6, 7, 10, 13, 16, 17, 22, 23, 24, 27 Mar = the 10 committed days; 28, 29 Mar the
    // 2-day extension; 30, 31 Mar overdue; approved Fri 31 Mar.
    const timeline = procedureTimeline(
      facts({
        extensionWorkingDays: 2,
        supplements: [
          { from: d('2023-03-07'), to: d('2023-03-09') },
          { from: d('2023-03-17'), to: d('2023-03-21') },
        ],
        excludedPeriods: [{ from: d('2023-03-13'), to: d('2023-03-15'), reason: 'EXPERT_REVIEW' }],
        endedOn: d('2023-03-31'),
      }),
      d('2023-06-30'),
      calendar,
    );

    expect(timeline.byPhase).toEqual({
      AWAITING_ACCEPTANCE: 2,
      PROCESSING: 10,
      EXTENSION: 2,
      OVERDUE: 2,
      SUPPLEMENT: 4,
      EXCLUDED: 2,
    });
    expect(timeline.byHolder).toEqual({ DEPARTMENT: 16, ENTERPRISE: 4, NOBODY: 2 });
    expect(timeline.usedWorkingDays).toBe(14);
    expect(timeline.segments.map((s) => [s.phase, s.from, s.to, s.workingDays])).toEqual([
      ['AWAITING_ACCEPTANCE', '2023-03-02', '2023-03-03', 2],
      ['PROCESSING', '2023-03-06', '2023-03-07', 2],
      ['SUPPLEMENT', '2023-03-08', '2023-03-09', 2],
      ['PROCESSING', '2023-03-10', '2023-03-13', 2],
      ['EXCLUDED', '2023-03-14', '2023-03-15', 2],
      ['PROCESSING', '2023-03-16', '2023-03-17', 2],
      ['SUPPLEMENT', '2023-03-20', '2023-03-21', 2],
      ['PROCESSING', '2023-03-22', '2023-03-27', 4],
      ['EXTENSION', '2023-03-28', '2023-03-29', 2],
      ['OVERDUE', '2023-03-30', '2023-03-31', 2],
    ]);
    expect(timeline.segments.find((s) => s.phase === 'EXCLUDED')).toMatchObject({
      holder: 'NOBODY',
      reason: 'EXPERT_REVIEW',
    });
  });

  it('gives a supplement asked before acceptance (一次性告知) to the enterprise, the wait to the department', () => {
    const timeline = procedureTimeline(
      facts({
        preAcceptanceSupplement: { from: d('2023-03-02'), to: d('2023-03-07') },
        acceptedOn: d('2023-03-09'),
      }),
      d('2023-03-09'),
      calendar,
    );
    expect(timeline.segments.map((s) => [s.phase, s.workingDays])).toEqual([
      ['AWAITING_ACCEPTANCE', 1],
      ['SUPPLEMENT', 3],
      ['AWAITING_ACCEPTANCE', 2],
    ]);
  });

  it('runs to asOf while open, and counts a deemed acceptance as processing from the submission day', () => {
    const deemed = procedureTimeline(facts({ acceptedOn: d('2023-03-01') }), d('2023-03-10'), calendar);
    expect(deemed.byPhase.AWAITING_ACCEPTANCE).toBe(0);
    expect(deemed.byPhase.PROCESSING).toBe(7);
    const waiting = procedureTimeline(facts({ acceptedOn: null }), d('2023-03-10'), calendar);
    expect(waiting.byHolder).toEqual({ DEPARTMENT: 7, ENTERPRISE: 0, NOBODY: 0 });
  });

  it('counts exactly the days the procedure clock counts', () => {
    const day = fc.integer({ min: 0, max: 80 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 1, max: 15 })), { maxLength: 3 }),
        day,
        (gaps, asOfOffset) => {
          const accepted = d('2023-01-05');
          const pauses: { from: LocalDate; to: LocalDate }[] = [];
          let cursor = accepted;
          for (const [gap, length] of gaps) {
            const from = addDays(cursor, gap);
            const to = addDays(from, length);
            pauses.push({ from, to });
            cursor = to;
          }
          const asOf = addDays(accepted, asOfOffset);
          const clock = new ProcedureClock({ acceptedOn: accepted, committedWorkingDays: 20, pauses });
          const timeline = procedureTimeline(
            facts({
              submittedOn: accepted,
              acceptedOn: accepted,
              committedWorkingDays: 20,
              supplements: pauses,
            }),
            asOf,
            calendar,
          );
          expect(timeline.usedWorkingDays).toBe(clock.consumedWorkingDays(asOf, calendar));
        },
      ),
    );
  });

  it('refuses facts that cannot be', () => {
    expect(() =>
      procedureTimeline(facts({ acceptedOn: d('2023-02-01') }), d('2023-03-10'), calendar),
    ).toThrow(InvalidTimelineFactsError);
    expect(() => procedureTimeline(facts({ committedWorkingDays: 0 }), d('2023-03-10'), calendar)).toThrow(
      /positive whole number/,
    );
  });
});
