import { createChineseWorkingDayCalendar } from '../calendar/chinese-working-day-calendar';
import { parseLocalDate } from '../calendar/local-date';
import { applicationAsOf, InconsistentHistoryError, type AppliedChange } from './application-history';
import { procedureTimeline } from './procedure-timeline';

const calendar = createChineseWorkingDayCalendar();
const d = parseLocalDate;
const change = (action: string, day: string, extra: Partial<AppliedChange> = {}): AppliedChange => ({
  action,
  effectiveDate: d(day),
  ...extra,
});

/** The March 2023 history of procedure-timeline.spec.ts, as its audit trail records it. */
const MARCH_2023: AppliedChange[] = [
  change('open', '2023-01-06'),
  change('submit', '2023-03-01'),
  change('accept', '2023-03-03'),
  change('request-supplement', '2023-03-07'),
  change('resubmit', '2023-03-09'),
  change('begin-excluded-period', '2023-03-13', { excludedReason: 'EXPERT_REVIEW' }),
  change('end-excluded-period', '2023-03-15'),
  change('request-supplement', '2023-03-17'),
  change('resubmit', '2023-03-21'),
  change('extend', '2023-03-24', { extensionDays: 2 }),
  change('approve', '2023-03-31'),
];

describe('the application as of a day, rebuilt from the applied changes', () => {
  it('rebuilds two supplements, an expert review and an extension into the timeline facts', () => {
    const application = applicationAsOf(MARCH_2023, d('2023-06-30'), 10);
    expect(application).toEqual({
      applicationNumber: 1,
      deemedAccepted: false,
      facts: {
        submittedOn: '2023-03-01',
        preAcceptanceSupplement: null,
        acceptedOn: '2023-03-03',
        committedWorkingDays: 10,
        extensionWorkingDays: 2,
        supplements: [
          { from: '2023-03-07', to: '2023-03-09' },
          { from: '2023-03-17', to: '2023-03-21' },
        ],
        excludedPeriods: [{ from: '2023-03-13', to: '2023-03-15', reason: 'EXPERT_REVIEW' }],
        endedOn: '2023-03-31',
      },
    });
    expect(procedureTimeline(application!.facts, d('2023-06-30'), calendar).byPhase).toEqual({
      AWAITING_ACCEPTANCE: 2,
      PROCESSING: 10,
      EXTENSION: 2,
      OVERDUE: 2,
      SUPPLEMENT: 4,
      EXCLUDED: 2,
    });
  });

  it('knows only what happened by the day asked: periods still open, no extension yet, not ended', () => {
    const application = applicationAsOf(MARCH_2023, d('2023-03-18'), 10);
    expect(application?.facts).toMatchObject({
      supplements: [
        { from: '2023-03-07', to: '2023-03-09' },
        { from: '2023-03-17', to: null },
      ],
      excludedPeriods: [{ from: '2023-03-13', to: '2023-03-15', reason: 'EXPERT_REVIEW' }],
      extensionWorkingDays: 0,
      endedOn: null,
    });
    expect(applicationAsOf(MARCH_2023, d('2023-03-14'), 10)?.facts.excludedPeriods).toEqual([
      { from: '2023-03-13', to: null, reason: 'EXPERT_REVIEW' },
    ]);
  });

  it('has no application before the first submission', () => {
    expect(applicationAsOf(MARCH_2023, d('2023-02-28'), 10)).toBeNull();
    expect(applicationAsOf([change('open', '2023-01-06')], d('2023-06-30'), 10)).toBeNull();
  });

  it('dates a deemed acceptance the day the asked-for supplement was delivered', () => {
    const application = applicationAsOf(
      [
        change('submit', '2023-03-01'),
        change('request-supplement', '2023-03-02'),
        change('resubmit', '2023-03-07'),
        change('deem-accept', '2023-03-15'),
      ],
      d('2023-03-20'),
      15,
    );
    expect(application).toMatchObject({
      deemedAccepted: true,
      facts: {
        preAcceptanceSupplement: { from: '2023-03-02', to: '2023-03-07' },
        acceptedOn: '2023-03-07',
      },
    });
    // Submitted Wed 1 Mar: 2 Mar the department's, 3–7 Mar the enterprise's, then processing from 8 Mar.
    const timeline = procedureTimeline(application!.facts, d('2023-03-20'), calendar);
    expect(timeline.segments.map((s) => [s.phase, s.from, s.to])).toEqual([
      ['AWAITING_ACCEPTANCE', '2023-03-02', '2023-03-02'],
      ['SUPPLEMENT', '2023-03-03', '2023-03-07'],
      ['PROCESSING', '2023-03-08', '2023-03-20'],
    ]);
  });

  it('dates a deemed acceptance the submission day when nothing was asked for', () => {
    const application = applicationAsOf(
      [change('submit', '2023-03-01'), change('deem-accept', '2023-03-09')],
      d('2023-03-09'),
      15,
    );
    expect(application).toMatchObject({ deemedAccepted: true, facts: { acceptedOn: '2023-03-01' } });
  });

  it('answers the latest application after a refusal and a re-application, the ended one before it', () => {
    const history = [
      change('submit', '2023-03-01'),
      change('accept', '2023-03-02'),
      change('extend', '2023-03-06', { extensionDays: 3 }),
      change('refuse', '2023-03-08'),
      change('submit', '2023-03-13'),
      change('accept', '2023-03-14'),
    ];
    expect(applicationAsOf(history, d('2023-03-10'), 15)).toMatchObject({
      applicationNumber: 1,
      facts: { submittedOn: '2023-03-01', extensionWorkingDays: 3, endedOn: '2023-03-08' },
    });
    expect(applicationAsOf(history, d('2023-03-20'), 15)).toMatchObject({
      applicationNumber: 2,
      facts: { submittedOn: '2023-03-13', acceptedOn: '2023-03-14', extensionWorkingDays: 0, endedOn: null },
    });
  });

  it('refuses a history the state machine cannot have made', () => {
    expect(() =>
      applicationAsOf(
        [change('submit', '2023-03-01'), change('accept', '2023-03-02'), change('resubmit', '2023-03-03')],
        d('2023-03-10'),
        15,
      ),
    ).toThrow(InconsistentHistoryError);
    expect(() =>
      applicationAsOf(
        [
          change('submit', '2023-03-01'),
          change('accept', '2023-03-02'),
          change('begin-excluded-period', '2023-03-03'),
        ],
        d('2023-03-10'),
        15,
      ),
    ).toThrow(/carries no reason/);
  });
});
