import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimDataSet, DATA_SET_MARKER, DataSetMismatchError } from './data-set-marker';
import { portfolioDates } from './demo-dates';

const november = new Date('2026-11-30T04:00:00Z');
const live = portfolioDates('live', november);
const reproduction = portfolioDates('2023', november);

describe('the demo data a local database holds', () => {
  let state: string;
  beforeEach(() => (state = join(mkdtempSync(join(tmpdir(), 'banjie-marker-')), '.banjie')));
  afterEach(() => rmSync(join(state, '..'), { recursive: true, force: true }));

  it('marks a new database with the data set loaded, and loads the same one again', () => {
    claimDataSet(state, false, live);
    expect(readFileSync(join(state, DATA_SET_MARKER), 'utf8')).toBe('live 2026-Q4 v2\n');
    expect(() => claimDataSet(state, true, live)).not.toThrow();
  });

  it('refuses the other data set, and the live demo of another quarter, saying how to reset', () => {
    claimDataSet(state, false, live);
    expect(() => claimDataSet(state, true, reproduction)).toThrow(DataSetMismatchError);
    expect(() => claimDataSet(state, true, portfolioDates('live', new Date('2027-01-05T04:00:00Z')))).toThrow(
      `the local database holds the live demo (v2) moved into 2026-Q4; loading the live demo (v2) moved into 2027-Q1 over it would mix them. Reset it first: npm run infra -- down && rm -rf ${state}`,
    );
    expect(readFileSync(join(state, DATA_SET_MARKER), 'utf8')).toBe('live 2026-Q4 v2\n');
  });

  it('refuses to play this live demo over one an older loader played (its history laid out otherwise)', () => {
    mkdirSync(state, { recursive: true });
    writeFileSync(join(state, DATA_SET_MARKER), 'live 2026-Q4\n');
    expect(() => claimDataSet(state, true, live)).toThrow(
      'the local database holds the live demo moved into 2026-Q4; loading the live demo (v2) moved into 2026-Q4 over it would mix them',
    );
  });

  it('takes a database from before the marker for the 2023 reproduction', () => {
    expect(() => claimDataSet(state, true, live)).toThrow('the local database holds the 2023 reproduction');
    claimDataSet(state, true, reproduction);
    expect(readFileSync(join(state, DATA_SET_MARKER), 'utf8')).toBe('2023\n');
  });
});
