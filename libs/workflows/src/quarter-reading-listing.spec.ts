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

describe('readQuarter as of a day', () => {
  const procedures = [
    p('A', { status: 'APPROVED', completedOn: '2023-02-03', listedOn: '2023-01-05', openedOn: '2023-01-05' }),
    p('B', { status: 'ACCEPTED', acceptedOn: '2023-03-01', dueDate: '2023-03-15', listedOn: '2023-01-05' }),
    // listed in 2026: not a key project in 2023
    p('C', { projectCode: 'BJ-2026-0001', procedureId: 'BJ-2026-0001-EIA', listedOn: '2026-11-02' }),
    // a procedure added to a 2023 project's plan after the day
    p('D', { listedOn: '2023-01-05', openedOn: '2023-03-29' }),
    // no listing or opening day recorded (data from before they were kept): counted
    p('E', { status: 'SUBMITTED' }),
  ];
  const reading = readQuarter(
    procedures,
    { quarter: '2023-Q1', asOf: '2023-03-28', target: 0.6, atRiskLimit: 10 },
    calendar,
  );

  it('counts only procedures that existed, of projects listed, by that day', () => {
    expect(reading.overall).toEqual({ applicable: 3, completed: 1, rate: 0.333 });
    expect(reading.atRisk.map((r) => r.procedureId)).toEqual(['BJ-2023-0001-B', 'BJ-2023-0001-E']);
  });

  it('counts them from the day they were listed and opened on', () => {
    const later = readQuarter(
      procedures,
      { quarter: '2023-Q1', asOf: '2023-03-31', target: 0.6, atRiskLimit: 10 },
      calendar,
    );
    expect(later.overall).toEqual({ applicable: 4, completed: 1, rate: 0.25 });
  });
});
