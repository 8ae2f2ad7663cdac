import { createChineseWorkingDayCalendar, parseLocalDate } from '@banjie/domain';
import { projectAsOf, proceduresAsOf } from '../history/facts-as-of';
import {
  procedureHistoryEntry,
  projectHistoryEntry,
  type ProcedureHistoryEntry,
  type ProjectHistoryEntry,
} from '../history/public-facts';
import {
  procedureEvent,
  procedurePublic,
  projectLifecycleChanged,
  projectPublic,
  projectRegistered,
  projectUpdated,
  randomProjectCode,
} from '../test/notice-events';
import { buildCard, cardHash } from './card';

const rules = { calendar: createChineseWorkingDayCalendar(), dueSoonWorkingDays: 3 };
const code = randomProjectCode();

function cardOn(projects: ProjectHistoryEntry[], procedures: ProcedureHistoryEntry[], day: string) {
  const asOf = parseLocalDate(day);
  const project = projectAsOf(projects, asOf);
  return project && buildCard(project, proceduresAsOf(procedures, asOf), asOf, rules);
}

const registered = projectHistoryEntry(
  projectRegistered(projectPublic(code, { state: 'SIGNED', listedOn: '2023-01-17', revision: 1 })),
);
const preparing = projectHistoryEntry(
  projectLifecycleChanged(projectPublic(code, { revision: 2 }), {
    from: 'SIGNED',
    to: 'PREPARING',
    effectiveDate: '2023-02-09',
  }),
);
const started = projectHistoryEntry(
  projectLifecycleChanged(projectPublic(code, { revision: 3 }), {
    from: 'PREPARING',
    to: 'STARTED',
    effectiveDate: '2023-03-16',
  }),
);
const projectHistory = [registered, preparing, started];

// EIA (10 working days here) accepted Wed 20 Sep 2023, before the Mid-Autumn + National Day holiday
// (29 Sep – 6 Oct; Sat 7 and Sun 8 Oct are working days): due Tue 10 Oct.
const eia = (overrides: Parameters<typeof procedurePublic>[2]) =>
  procedurePublic(code, 'EIA', { committedWorkingDays: 10, ...overrides });
const eiaOpened = procedureHistoryEntry(
  procedureEvent('ProcedureOpened', eia({ sequence: 1, effectiveDate: '2023-01-17' })),
);
const eiaSubmitted = procedureHistoryEntry(
  procedureEvent(
    'ProcedureSubmitted',
    eia({ sequence: 2, status: 'SUBMITTED', effectiveDate: '2023-09-18', applicationNumber: 1 }),
  ),
);
const eiaAccepted = procedureHistoryEntry(
  procedureEvent(
    'ProcedureAccepted',
    eia({
      sequence: 3,
      status: 'ACCEPTED',
      effectiveDate: '2023-09-20',
      applicationNumber: 1,
      acceptedOn: '2023-09-20',
      dueDate: '2023-10-10',
    }),
  ),
);
const eiaApproved = procedureHistoryEntry(
  procedureEvent(
    'ProcedureApproved',
    eia({
      sequence: 4,
      status: 'APPROVED',
      effectiveDate: '2023-10-12',
      applicationNumber: 1,
      acceptedOn: '2023-09-20',
      dueDate: '2023-10-10',
      completedOn: '2023-10-12',
      documentNumber: '酒环审〔2023〕88号',
    }),
  ),
);
const held = procedureHistoryEntry(
  procedureEvent(
    'ProcedureOpened',
    procedurePublic(code, 'PROJECT_APPROVAL', {
      status: 'ALREADY_HELD',
      committedWorkingDays: null,
      documentNumber: '甘发改〔2022〕38号',
      completedOn: '2022-11-02',
    }),
  ),
);
const procedureHistory = [held, eiaOpened, eiaSubmitted, eiaAccepted, eiaApproved];

const flagOn = (day: string, history = procedureHistory) =>
  cardOn(projectHistory, history, day)!.procedures.find((p) => p.procedure === 'EIA')!.flag;

describe('the public card of a project', () => {
  it('shows the registered facts and one flag per procedure, in the catalogue order, with the committed date', () => {
    const card = cardOn(projectHistory, procedureHistory, '2023-09-25')!;
    expect(card).toMatchObject({
      code,
      state: 'STARTED',
      type: 'NEW',
      constructionBegun: true,
      onList: true,
      suspendedFrom: null,
    });
    expect(card.procedures.map((p) => [p.procedure, p.flag, p.committedDate])).toEqual([
      ['PROJECT_APPROVAL', 'ALREADY_HELD', null],
      ['EIA', 'BLUE', '2023-10-10'],
    ]);
    expect(card.procedures[0]!.documentNumber).toBe('甘发改〔2022〕38号');
  });

  it('turns BLUE → YELLOW → RED on the right working days, straight through the National Day holiday, with no new event', () => {
    const flags = [
      '2023-09-20',
      '2023-09-28',
      '2023-09-29',
      '2023-10-04',
      '2023-10-06',
      '2023-10-07',
      '2023-10-10',
      '2023-10-11',
    ].map((day) => [day, flagOn(day, [eiaOpened, eiaSubmitted, eiaAccepted])]);
    expect(flags).toEqual([
      ['2023-09-20', 'BLUE'], // accepted: 10 working days left
      ['2023-09-28', 'BLUE'], // 4 left — and still 4 all through the holiday
      ['2023-09-29', 'BLUE'],
      ['2023-10-04', 'BLUE'],
      ['2023-10-06', 'BLUE'],
      ['2023-10-07', 'YELLOW'], // an adjusted working Saturday: 3 left
      ['2023-10-10', 'YELLOW'], // due today
      ['2023-10-11', 'RED'], // the first working day past the limit
    ]);
  });

  it('shows GREEN with the completion once approved', () => {
    const card = cardOn(projectHistory, procedureHistory, '2023-10-12')!;
    expect(card.procedures[1]).toMatchObject({
      flag: 'GREEN',
      status: 'APPROVED',
      completedOn: '2023-10-12',
      documentNumber: '酒环审〔2023〕88号',
    });
  });

  it('comes out the same whatever order the events arrive in, and however often', () => {
    const inOrder = cardOn(projectHistory, procedureHistory, '2023-10-12')!;
    const shuffledProjects = [started, registered, preparing, started, registered];
    const shuffledProcedures = [
      eiaApproved,
      held,
      eiaAccepted,
      eiaOpened,
      eiaApproved,
      eiaSubmitted,
      held,
      eiaAccepted,
    ];
    const scrambled = cardOn(shuffledProjects, shuffledProcedures, '2023-10-12')!;
    expect(scrambled).toEqual(inOrder);
    expect(cardHash(scrambled)).toBe(cardHash(inOrder));
  });

  it('ignores an older snapshot that arrives after a newer one', () => {
    expect(flagOn('2023-10-12', [eiaApproved, eiaAccepted])).toBe('GREEN');
  });

  it('reconstructs any past day from the history: project state and procedures as they stood then', () => {
    expect(cardOn(projectHistory, procedureHistory, '2023-01-16')).toBeNull(); // not listed yet
    expect(cardOn(projectHistory, procedureHistory, '2023-01-17')).toMatchObject({
      state: 'SIGNED',
      constructionBegun: false,
    });
    expect(cardOn(projectHistory, procedureHistory, '2023-02-09')).toMatchObject({ state: 'PREPARING' });
    expect(cardOn(projectHistory, procedureHistory, '2023-03-16')).toMatchObject({
      state: 'STARTED',
      constructionBegun: true,
    });
    expect(flagOn('2023-09-19')).toBe('GREY'); // submitted, not accepted yet
    expect(flagOn('2023-10-11')).toBe('RED');
    expect(flagOn('2023-10-12')).toBe('GREEN');
  });

  it('keeps a registered-facts change from the day it was made', () => {
    const renamed = projectHistoryEntry(
      projectUpdated(
        projectPublic(code, { name: '玉门抽水蓄能电站（一期）', state: 'STARTED', revision: 4 }),
        undefined,
        '2023-05-10T02:00:00Z',
      ),
    );
    const history = [...projectHistory, renamed];
    expect(cardOn(history, [], '2023-05-09')!.name).toBe('玉门抽水蓄能电站');
    expect(cardOn(history, [], '2023-05-10')!.name).toBe('玉门抽水蓄能电站（一期）');
  });

  it('knows where a suspended project returns to, so it still counts as started', () => {
    const suspended = projectHistoryEntry(
      projectLifecycleChanged(projectPublic(code, { revision: 4 }), {
        from: 'STARTED',
        to: 'SUSPENDED',
        effectiveDate: '2023-06-01',
      }),
    );
    const card = cardOn([...projectHistory, suspended], [], '2023-06-02')!;
    expect(card).toMatchObject({
      state: 'SUSPENDED',
      suspendedFrom: 'STARTED',
      constructionBegun: true,
      onList: true,
    });
  });

  it('leaves a flag blank (null) rather than guess when the calendar does not cover the year', () => {
    // A clock running past the last year any calendar covers (2099) cannot be read: no colour, not even BLUE.
    const last = rules.calendar.coverage.lastYear;
    const accepted = procedureHistoryEntry(
      procedureEvent(
        'ProcedureAccepted',
        eia({
          sequence: 3,
          status: 'ACCEPTED',
          effectiveDate: `${last}-12-21`,
          acceptedOn: `${last}-12-21`,
          applicationNumber: 1,
        }),
      ),
    );
    expect(cardOn(projectHistory, [accepted], `${last}-12-28`)!.procedures[0]!.flag).toBeNull();
    expect(cardOn(projectHistory, [accepted], `${last + 1}-01-05`)!.procedures[0]!.flag).toBeNull();
  });
});
