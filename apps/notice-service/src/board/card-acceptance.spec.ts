import { createChineseWorkingDayCalendar, parseLocalDate } from '@banjie/domain';
import { projectAsOf, proceduresAsOf } from '../history/facts-as-of';
import {
  procedureHistoryEntry,
  projectHistoryEntry,
  type ProcedureHistoryEntry,
} from '../history/public-facts';
import {
  procedureEvent,
  procedurePublic,
  projectPublic,
  projectRegistered,
  randomProjectCode,
} from '../test/notice-events';
import { summarize } from './board-view';
import { buildCard } from './card';

const rules = { calendar: createChineseWorkingDayCalendar(), dueSoonWorkingDays: 3 };
const code = randomProjectCode();
const project = projectHistoryEntry(projectRegistered(projectPublic(code, { listedOn: '2023-01-17' })));

// EIA submitted on Tue 26 Sep 2023, just before the Mid-Autumn + National Day holiday (29 Sep – 6 Oct;
// Sat 7 and Sun 8 Oct are working days): 27, 28 Sep, 7, 8, 9 Oct are the five working days of its
// acceptance window, which closes on Mon 9 Oct.
const eia = (overrides: Parameters<typeof procedurePublic>[2]) =>
  procedurePublic(code, 'EIA', { committedWorkingDays: 10, ...overrides });
const submittedFacts = eia({
  sequence: 2,
  status: 'SUBMITTED',
  effectiveDate: '2023-09-26',
  applicationNumber: 1,
  submittedOn: '2023-09-26',
  acceptanceWorkingDays: 5,
  acceptanceDueDate: '2023-10-09',
  preAcceptanceSupplement: null,
});
const submitted = procedureHistoryEntry(procedureEvent('ProcedureSubmitted', submittedFacts));

function eiaOn(day: string, history: ProcedureHistoryEntry[]) {
  const asOf = parseLocalDate(day);
  const card = buildCard(projectAsOf([project], asOf)!, proceduresAsOf(history, asOf), asOf, rules);
  return card.procedures.find((procedure) => procedure.procedure === 'EIA')!;
}

describe('a submitted application waiting for acceptance, on the card', () => {
  it('waits within its window across the holiday, counting only working days, and lapses the day after its last day', () => {
    const days = ['2023-09-26', '2023-09-28', '2023-10-06', '2023-10-09', '2023-10-10', '2023-10-16'];
    const acceptances = days.map((day) => eiaOn(day, [submitted]).acceptance!);
    for (const acceptance of acceptances)
      expect(acceptance).toMatchObject({ submittedOn: '2023-09-26', dueDate: '2023-10-09' });
    expect(acceptances.map(({ state, workingDaysWaiting }) => [state, workingDaysWaiting])).toEqual([
      ['WAITING', 0], // the submission day
      ['WAITING', 2],
      ['WAITING', 2], // the holiday adds none
      ['WAITING', 5], // the window's last day
      ['LAPSED', 6],
      ['LAPSED', 10],
    ]);
    // Still GREY: no processing clock runs before acceptance.
    expect(eiaOn('2023-10-10', [submitted]).flag).toBe('GREY');
  });

  it("counts the window with this service's calendar, not the date the event carried", () => {
    const wrongDate = procedureHistoryEntry(
      procedureEvent('ProcedureSubmitted', { ...submittedFacts, acceptanceDueDate: '2023-10-03' }),
    );
    expect(eiaOn('2023-10-09', [wrongDate]).acceptance).toMatchObject({
      state: 'WAITING',
      dueDate: '2023-10-09',
    });
  });

  it("takes the window's length from the catalogue when an older event did not carry it", () => {
    const { acceptanceWorkingDays: _, acceptanceDueDate: __, ...older } = submittedFacts;
    const entry = procedureHistoryEntry(procedureEvent('ProcedureSubmitted', older));
    expect(eiaOn('2023-10-10', [entry]).acceptance).toMatchObject({ state: 'LAPSED', dueDate: '2023-10-09' });
  });

  it('stands still while the applicant owes the supplement asked for, and counts a new window from its delivery', () => {
    const asked = procedureHistoryEntry(
      procedureEvent(
        'ProcedureSupplementRequested',
        eia({
          ...submittedFacts,
          sequence: 3,
          effectiveDate: '2023-09-27',
          acceptanceDueDate: null,
          preAcceptanceSupplement: { from: '2023-09-27', to: null, supplementReason: 'MISSING_DOCUMENT' },
        }),
      ),
    );
    const delivered = procedureHistoryEntry(
      procedureEvent(
        'ProcedureResubmitted',
        eia({
          ...submittedFacts,
          sequence: 4,
          effectiveDate: '2023-10-07',
          acceptanceDueDate: '2023-10-12',
          preAcceptanceSupplement: {
            from: '2023-09-27',
            to: '2023-10-07',
            supplementReason: 'MISSING_DOCUMENT',
          },
        }),
      ),
    );
    const history = [submitted, asked, delivered];
    // The request day is still the department's (27 Sep); the days after it are the applicant's.
    expect(eiaOn('2023-10-06', history).acceptance).toEqual({
      state: 'SUPPLEMENT_REQUESTED',
      submittedOn: '2023-09-26',
      dueDate: null,
      workingDaysWaiting: 1,
    });
    // Delivered on Sat 7 Oct (a working day): five new working days, to Thu 12 Oct; 8 and 9 Oct are the department's again.
    expect(eiaOn('2023-10-09', history).acceptance).toEqual({
      state: 'WAITING',
      submittedOn: '2023-09-26',
      dueDate: '2023-10-12',
      workingDaysWaiting: 3,
    });
    expect(eiaOn('2023-10-13', history).acceptance).toMatchObject({ state: 'LAPSED', workingDaysWaiting: 7 });
    // The supplement's reason is a public field the board does not show: not kept.
    expect(JSON.stringify(delivered)).not.toContain('MISSING_DOCUMENT');
  });

  it('marks a deemed acceptance, whose clock runs from the submission day', () => {
    const deemed = procedureHistoryEntry(
      procedureEvent(
        'ProcedureAccepted',
        eia({
          ...submittedFacts,
          sequence: 3,
          status: 'ACCEPTED',
          effectiveDate: '2023-10-10',
          acceptedOn: '2023-09-26',
          acceptanceDueDate: null,
          deemedAccepted: true,
          dueDate: '2023-10-16',
        }),
      ),
    );
    const onBoard = eiaOn('2023-10-10', [submitted, deemed]);
    expect(onBoard).toMatchObject({ status: 'ACCEPTED', acceptedOn: '2023-09-26', deemedAccepted: true });
    expect(onBoard).not.toHaveProperty('acceptance');
    // Ten working days from 26 Sep: 27, 28 Sep, 7 … 13 Oct, then 16 Oct — 4 left on 10 Oct, due soon on 11 Oct.
    expect(onBoard).toMatchObject({ dueDate: '2023-10-16', flag: 'BLUE' });
    expect(eiaOn('2023-10-11', [submitted, deemed]).flag).toBe('YELLOW');
    expect(eiaOn('2023-10-17', [submitted, deemed]).flag).toBe('RED');
    // An acceptance by the department carries no mark.
    const accepted = procedureHistoryEntry(
      procedureEvent(
        'ProcedureAccepted',
        eia({
          ...submittedFacts,
          sequence: 3,
          status: 'ACCEPTED',
          effectiveDate: '2023-09-28',
          acceptedOn: '2023-09-28',
          acceptanceDueDate: null,
        }),
      ),
    );
    expect(eiaOn('2023-10-10', [accepted])).not.toHaveProperty('deemedAccepted');
  });

  it('shows no acceptance state for a submission an older event did not date', () => {
    const { submittedOn: _, ...older } = submittedFacts;
    expect(
      eiaOn('2023-10-10', [procedureHistoryEntry(procedureEvent('ProcedureSubmitted', older))]),
    ).not.toHaveProperty('acceptance');
  });

  it('counts the waiting states in the header, among the GREY flags', () => {
    const other = procedureHistoryEntry(
      procedureEvent(
        'ProcedureSubmitted',
        procedurePublic(code, 'SAFETY', {
          ...submittedFacts,
          procedure: 'SAFETY',
          procedureId: `${code}-SAFETY`,
          department: 'EMB',
          submittedOn: '2023-10-09',
        }),
      ),
    );
    const asOf = parseLocalDate('2023-10-10');
    const card = buildCard(
      projectAsOf([project], asOf)!,
      proceduresAsOf([submitted, other], asOf),
      asOf,
      rules,
    );
    expect(summarize([card], {})).toMatchObject({
      flags: { GREY: 2 },
      acceptance: { WAITING: 1, SUPPLEMENT_REQUESTED: 0, LAPSED: 1 },
    });
  });
});
