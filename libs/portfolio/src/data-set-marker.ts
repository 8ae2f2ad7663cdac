// Which demo data a local database holds. Both data sets load into the same database, and one
// loaded over the other would mix two timelines of the same projects, so `npm start` records the
// data set it loads in a marker file next to the database and refuses to load another one over it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortfolioDates } from './demo-dates';

export const DATA_SET_MARKER = 'demo-data';
/** What a database loaded before the marker existed holds: `npm start` loaded the 2023 reproduction. */
const UNMARKED = '2023';

/**
 * The live demo's layout, bumped when what it plays changes (v2: the history moved by working days,
 * documents and late entries dated in the new quarter): a database holding an older one is reset.
 */
const LIVE_DEMO_VERSION = 'v2';

/** The marker's content: the data set and, for the live demo, the quarter its dates were moved into and its layout. */
export function dataSetLabel(dates: PortfolioDates): string {
  return dates.dataSet === 'live' ? `live ${dates.quarter.label} ${LIVE_DEMO_VERSION}` : '2023';
}

function described(label: string): string {
  if (label === '2023') return 'the 2023 reproduction';
  const [, quarter, version] = label.split(' ');
  return `the live demo${version === undefined ? '' : ` (${version})`} moved into ${quarter}`;
}

export class DataSetMismatchError extends Error {
  constructor(held: string, wanted: string, stateDir: string) {
    super(
      `the local database holds ${described(held)}; loading ${described(wanted)} over it would mix them. ` +
        `Reset it first: npm run infra -- down && rm -rf ${stateDir}`,
    );
    this.name = 'DataSetMismatchError';
  }
}

/**
 * Records in `stateDir` that its database holds `dates`' data set, or throws a DataSetMismatchError
 * when it holds another one. `hasDatabase`: whether the database already exists (one without a
 * marker dates from before the marker and holds the 2023 reproduction).
 */
export function claimDataSet(stateDir: string, hasDatabase: boolean, dates: PortfolioDates): void {
  const marker = join(stateDir, DATA_SET_MARKER);
  const wanted = dataSetLabel(dates);
  const held = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : hasDatabase ? UNMARKED : wanted;
  if (held !== wanted) throw new DataSetMismatchError(held, wanted, stateDir);
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(marker, `${wanted}\n`);
}
