import { createChineseWorkingDayCalendar } from '@banjie/domain';
import { readQuarter, type ProcedureForTarget } from './quarter-reading';

const calendar = createChineseWorkingDayCalendar();
const p = (id: string, fields: Partial<ProcedureForTarget>): ProcedureForTarget => ({
  procedureId: `BJ-2023-0001-${id}`,
  projectCode: 'BJ-2023-0001',
  department: 'EEB',
  status: 'PLANNED',
  acceptedOn: null,
  dueDate: null,
  targetDate: null,
  completedOn: null,
  ...fields,
});

// 10 applicable procedures (one not applicable, one already held: counted nowhere).
const procedures: ProcedureForTarget[] = [
  p('A', { status: 'APPROVED', completedOn: '2022-12-20' }), // before the quarter
  p('B', { status: 'APPROVED', completedOn: '2023-02-03' }),
  p('C', { status: 'APPROVED', completedOn: '2023-03-03', department: 'NRB' }),
  p('D', { status: 'APPROVED', completedOn: '2023-03-20' }), // after the reading: still open on 10 March
  p('E', { status: 'ACCEPTED', acceptedOn: '2023-02-20', dueDate: '2023-03-06' }), // overdue
  p('F', { status: 'ACCEPTED', acceptedOn: '2023-03-01', dueDate: '2023-03-15', department: 'NRB' }),
  p('G', { status: 'SUPPLEMENT_REQUESTED', acceptedOn: '2023-03-02' }),
  p('H', { status: 'SUBMITTED', targetDate: '2023-03-20' }),
  p('I', { status: 'PLANNED', targetDate: '2023-03-25' }),
  p('J', { status: 'REFUSED' }),
  p('K', { status: 'NOT_APPLICABLE' }),
  p('L', { status: 'ALREADY_HELD', completedOn: '2020-01-01' }),
];

describe('readQuarter', () => {
  const reading = readQuarter(
    procedures,
    { quarter: '2023-Q1', asOf: '2023-03-10', target: 0.6, atRiskLimit: 4 },
    calendar,
  );

  it('counts approvals up to the day over every applicable procedure', () => {
    expect(reading.overall).toEqual({ applicable: 10, completed: 3, rate: 0.3 });
    expect(reading.byDepartment).toEqual([
      { department: 'EEB', applicable: 8, completed: 2, rate: 0.25 },
      { department: 'NRB', applicable: 2, completed: 1, rate: 0.5 },
    ]);
    expect(reading.completionsNeeded).toBe(3);
  });

  it('forecasts by the pace since the eve of the quarter, in working days', () => {
    // 31 Dec 2022 → 10 March 2023: 2 approvals in 46 working days (Spring Festival excluded, 28/29 Jan counted);
    // 15 working days left to 31 March: 3 + 2/46 × 15 = 3.65 → 0.365.
    expect(reading.forecast).toEqual({
      basis: 'LINEAR_PACE',
      pacePerWorkingDay: 0.043,
      projectedCompleted: 3.7,
      workingDaysLeft: 15,
      forecastRate: 0.365,
    });
  });

  it('forecasts from a recent window when configured', () => {
    const recent = readQuarter(
      procedures,
      { quarter: '2023-Q1', asOf: '2023-03-10', target: 0.6, atRiskLimit: 4, forecastWindowWorkingDays: 5 },
      calendar,
    );
    // Samples on Fridays: 3 March (3 done) → 10 March (3 done): no pace over the last week.
    expect(recent.forecast).toMatchObject({ pacePerWorkingDay: 0, forecastRate: 0.3 });
  });

  it('names the procedures most likely to change the result: running clocks by due date (overdue first), then paused, then by target', () => {
    expect(reading.atRisk.map((r) => [r.procedureId.slice(-1), r.remainingWorkingDays])).toEqual([
      ['E', -4],
      ['F', 3],
      ['G', null],
      ['H', null],
    ]);
  });
});
