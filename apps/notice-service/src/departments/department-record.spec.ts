import { publicDepartmentRecords, type ProcedureCode, type PublicProcedureFields } from '@banjie/contracts';
import { createChineseWorkingDayCalendar, parseLocalDate } from '@banjie/domain';
import { procedureHistoryEntry } from '../history/public-facts';
import { procedurePublic, randomProjectCode } from '../test/notice-events';
import { departmentRecords, median } from './department-record';

const rules = { calendar: createChineseWorkingDayCalendar(), dueSoonWorkingDays: 3 };
const asOf = parseLocalDate('2023-10-17');

/** One procedure's facts as the history keeps them (the 10-working-day limit unless said otherwise). */
const facts = (overrides: Partial<PublicProcedureFields>, procedure: ProcedureCode = 'EIA') =>
  procedureHistoryEntry({
    payload: {
      public: procedurePublic(randomProjectCode(), procedure, {
        committedWorkingDays: 10,
        applicationNumber: 1,
        ...overrides,
      }),
    },
  }).facts;

// Around the 2023 Mid-Autumn + National Day holiday (29 Sep – 6 Oct; Sat 7 and Sun 8 Oct are working days).
const approved = (overrides: Partial<PublicProcedureFields>, procedure: ProcedureCode = 'EIA') =>
  facts({ status: 'APPROVED', submittedOn: '2023-09-19', acceptedOn: '2023-09-20', ...overrides }, procedure);
const eeb = [
  // Accepted 20 Sep, due 10 Oct; approved 9 Oct: 9 working days used.
  approved({ completedOn: '2023-10-09' }),
  // Approved 12 Oct, two working days past the due date: 12 used.
  approved({ completedOn: '2023-10-12' }),
  // A supplement (22, 25, 26 Sep are the applicant's) and a 5-day extension move the due date to 20 Oct:
  // approved 16 Oct, 11 used, within.
  approved({
    completedOn: '2023-10-16',
    extensionWorkingDays: 5,
    pauses: [{ from: '2023-09-21', to: '2023-09-26' }],
  }),
  // Deemed accepted as of its submission day 26 Sep: due 16 Oct, overdue on 17 Oct.
  facts({ status: 'ACCEPTED', submittedOn: '2023-09-26', acceptedOn: '2023-09-26', deemedAccepted: true }),
  // Submitted 18 Sep, its window closed on 25 Sep; accepted on 27 Sep: late, and in time since.
  facts({
    status: 'ACCEPTED',
    submittedOn: '2023-09-18',
    acceptanceWorkingDays: 5,
    acceptedOn: '2023-09-27',
  }),
  // Waiting since 9 Oct: the window closed on 16 Oct.
  facts({ status: 'SUBMITTED', submittedOn: '2023-10-09', acceptanceWorkingDays: 5 }),
  // Waiting since 16 Oct, within the window.
  facts({ status: 'SUBMITTED', submittedOn: '2023-10-16', acceptanceWorkingDays: 5 }),
  // Approved with no application on record: not one of its completions.
  facts({ status: 'APPROVED', completedOn: '2023-10-09' }),
  facts({ status: 'PLANNED' }),
];
// Approved on its due date itself: within.
const emb = [approved({ completedOn: '2023-10-10' }, 'SAFETY')];

describe("a department's public record", () => {
  const records = departmentRecords([...eeb, ...emb], asOf, rules);
  const of = (department: string) => records.find((record) => record.department === department)!;

  it('counts completions within the limit by the calendar, with supplements and extensions, and their median working days', () => {
    expect(of('EEB')).toMatchObject({
      completed: 3,
      completedWithinLimit: 2,
      withinLimitRate: 0.667,
      medianUsedWorkingDays: 11,
      medianCommittedWorkingDays: 10,
    });
  });

  it('counts deemed and late acceptances, waiting applications and overdue clocks as of the day', () => {
    expect(of('EEB')).toMatchObject({
      deemedAccepted: 1,
      acceptedAfterWindow: 1,
      waitingForAcceptance: 2,
      waitingPastWindow: 1,
      overdue: 1,
    });
    // A day earlier the deemed acceptance was due that day, and the first waiting one still in its window.
    expect(departmentRecords(eeb, parseLocalDate('2023-10-16'), rules)[2]).toMatchObject({
      overdue: 0,
      waitingPastWindow: 0,
    });
  });

  it("keeps each department's procedures to itself, and says null rather than 0 % with nothing completed", () => {
    expect(records.map((record) => record.department)).toEqual(['DRC', 'NRB', 'EEB', 'EMB', 'WAB', 'HCB']);
    expect(of('EMB')).toMatchObject({ completed: 1, completedWithinLimit: 1, withinLimitRate: 1 });
    expect(of('DRC')).toEqual({
      department: 'DRC',
      completed: 0,
      completedWithinLimit: 0,
      withinLimitRate: null,
      medianUsedWorkingDays: null,
      medianCommittedWorkingDays: null,
      deemedAccepted: 0,
      acceptedAfterWindow: 0,
      waitingForAcceptance: 0,
      waitingPastWindow: 0,
      overdue: 0,
    });
  });

  it('passes the strict public contract, and it lets nothing else through', () => {
    expect(() => publicDepartmentRecords.parse({ asOf, filters: {}, departments: records })).not.toThrow();
    const leaking = [{ ...records[0], contact: '15214706745' }];
    expect(() => publicDepartmentRecords.parse({ asOf, filters: {}, departments: leaking })).toThrow();
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([12, 3, 9])).toBe(9);
    expect(median([4, 10, 1, 7])).toBe(5.5);
  });
});
