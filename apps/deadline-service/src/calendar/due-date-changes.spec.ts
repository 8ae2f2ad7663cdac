import { packageDefinition, packageYears, workingDayCalendarOf } from '@banjie/domain';
import type { ProjectedProcedure } from '../procedures/procedure-projection';
import { describeDueDateChange, dueDateChanges } from './due-date-changes';

const procedure = (
  id: string,
  acceptedOn: string,
  committedWorkingDays: number,
  pauses: ProjectedProcedure['pauses'] = [],
): ProjectedProcedure => ({
  procedureId: `BJ-2026-0001-${id}`,
  projectCode: 'BJ-2026-0001',
  procedure: id as never,
  department: 'EEB',
  status: 'ACCEPTED',
  sequence: 3,
  effectiveDate: acceptedOn,
  applicationNumber: 1,
  committedWorkingDays,
  extensionWorkingDays: 0,
  acceptedOn,
  pauses,
  dueDate: null,
  targetDate: null,
  completedOn: null,
  helpers: [],
});

describe('due dates moved by a calendar change', () => {
  const provisional = workingDayCalendarOf({ ...packageDefinition(), version: 1 });
  const published = workingDayCalendarOf({
    version: 2,
    overrides: [],
    years: [
      ...packageYears(),
      {
        year: 2027,
        source: 'PUBLISHED',
        reference: 'X',
        holidays: [
          '2027-01-01',
          '2027-02-05',
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
          '2027-02-13',
        ].map((date) => ({ date: date as never, name: '春节' })),
        workingDays: ['2027-02-20' as never],
      },
    ],
  });

  it('finds the clocks whose date moves, and only those', () => {
    const changes = dueDateChanges(
      [
        procedure('EIA', '2027-01-25', 20), // moves from the provisional 26 Feb to 1 March
        procedure('LUP', '2026-03-02', 10), // 2026 only: untouched
        procedure('SWP', '2027-01-25', 5, [{ from: '2027-01-27', to: null }]), // paused: no date either way
      ],
      provisional,
      published,
    );
    expect(changes.map((c) => [c.procedure.procedure, c.previous, c.current])).toEqual([
      ['EIA', { dueDate: '2027-02-26', provisional: true }, { dueDate: '2027-03-01', provisional: false }],
    ]);
    expect(describeDueDateChange(changes[0]!, 2)).toBe(
      'BJ-2026-0001-EIA (application 1, EEB): the due date moved from 2027-02-26 (provisional, 暂定) to 2027-03-01 with working-day calendar version 2',
    );
  });

  it('tells a clock whose date stays but stops being provisional', () => {
    const changes = dueDateChanges([procedure('EC', '2026-12-21', 15)], provisional, published);
    expect(changes.map((c) => [c.previous, c.current])).toEqual([
      [
        { dueDate: '2027-01-12', provisional: true },
        { dueDate: '2027-01-12', provisional: false },
      ],
    ]);
  });
});
