import type { FlagBoardCard, FlagBoardProcedure } from '@banjie/contracts';
import { boardView, isOnBoard } from './board-view';

const procedure = (overrides: Partial<FlagBoardProcedure>): FlagBoardProcedure => ({
  procedure: 'EIA',
  department: 'EEB',
  status: 'PLANNED',
  flag: 'GREY',
  committedDate: null,
  dueDate: null,
  baselineDate: null,
  targetDate: null,
  acceptedOn: null,
  completedOn: null,
  documentNumber: null,
  ...overrides,
});

const card = (code: string, overrides: Partial<FlagBoardCard>): FlagBoardCard => ({
  code,
  name: code,
  type: 'NEW',
  cluster: 'NEW_ENERGY_EQUIPMENT',
  chain: '新能源',
  location: '玉门市',
  responsibleUnit: '发改局',
  totalInvestment: '10',
  plannedStart: '2023-03-01',
  state: 'PREPARING',
  suspendedFrom: null,
  constructionBegun: false,
  onList: true,
  listedOn: '2023-01-05',
  procedures: [],
  ...overrides,
});

const wind = card('BJ-2023-0002', {
  type: 'CONTINUING',
  state: 'RESUMED',
  constructionBegun: true,
  procedures: [
    procedure({
      procedure: 'PROJECT_APPROVAL',
      department: 'DRC',
      status: 'ALREADY_HELD',
      flag: 'ALREADY_HELD',
    }),
    procedure({ procedure: 'EIA', status: 'APPROVED', flag: 'GREEN' }),
    procedure({ procedure: 'SAFETY', department: 'EMB', status: 'ACCEPTED', flag: 'RED' }),
  ],
});
const chemicals = card('BJ-2023-0001', {
  cluster: 'MODERN_CHEMICALS',
  chain: '现代化工',
  procedures: [
    procedure({
      procedure: 'ENERGY_QUOTA',
      department: 'DRC',
      status: 'NOT_APPLICABLE',
      flag: 'NOT_APPLICABLE',
    }),
    procedure({ procedure: 'EIA', status: 'ACCEPTED', flag: 'YELLOW' }),
    procedure({ procedure: 'LAND_USE', department: 'NRB', status: 'APPROVED', flag: 'GREEN' }),
  ],
});
const removed = card('BJ-2023-0003', {
  state: 'REMOVED',
  onList: false,
  procedures: [procedure({ status: 'APPROVED', flag: 'GREEN' })],
});
const meta = { asOf: '2023-03-28', dueSoonWorkingDays: 3, lastChangeId: 7, updatedAt: null };

describe('the board view', () => {
  it('lists the projects on the list by code, with the header figures', () => {
    const view = boardView([wind, removed, chemicals], {}, meta);
    expect(view.projects.map((p) => p.code)).toEqual(['BJ-2023-0001', 'BJ-2023-0002']);
    expect(view.columns).toHaveLength(11);
    // 3 approved of 4 applicable: already-held and not-applicable count in neither term; the removed project nowhere.
    expect(view.summary.completion).toEqual({ applicable: 4, completed: 2, rate: 0.5, target: 0.6 });
    expect(view.summary.resume).toEqual({ total: 1, begun: 1, rate: 1 });
    expect(view.summary.start).toEqual({ total: 1, begun: 0, rate: 0 });
    expect(view.summary.flags).toEqual({
      GREY: 0,
      BLUE: 0,
      YELLOW: 1,
      RED: 1,
      GREEN: 2,
      NOT_APPLICABLE: 1,
      ALREADY_HELD: 1,
    });
  });

  it('filters by cluster and chain', () => {
    expect(
      boardView([wind, chemicals], { cluster: 'MODERN_CHEMICALS' }, meta).projects.map((p) => p.code),
    ).toEqual(['BJ-2023-0001']);
    expect(boardView([wind, chemicals], { chain: '新能源' }, meta).projects.map((p) => p.code)).toEqual([
      'BJ-2023-0002',
    ]);
  });

  it("filters by department, counting only that department's procedures in the header", () => {
    const view = boardView([wind, chemicals], { department: 'NRB' }, meta);
    expect(view.projects.map((p) => p.code)).toEqual(['BJ-2023-0001']);
    expect(view.summary.completion).toMatchObject({ applicable: 1, completed: 1, rate: 1 });
    expect(boardView([wind, chemicals], { department: 'EMB' }, meta).summary.flags.RED).toBe(1);
  });

  it('filters by flag, and by flag within a department', () => {
    expect(boardView([wind, chemicals], { flag: 'GREEN' }, meta).projects).toHaveLength(2);
    expect(boardView([wind, chemicals], { flag: 'RED' }, meta).projects.map((p) => p.code)).toEqual([
      'BJ-2023-0002',
    ]);
    expect(isOnBoard(wind, { flag: 'RED', department: 'EEB' })).toBe(false);
    expect(isOnBoard(wind, { flag: 'RED', department: 'EMB' })).toBe(true);
  });

  it('says "no data" (null), not 0 %, when nothing counts', () => {
    const view = boardView([], {}, meta);
    expect(view.summary.completion.rate).toBeNull();
    expect(view.summary.resume.rate).toBeNull();
  });
});
