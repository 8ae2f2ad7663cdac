// Which demo data a local database holds. Both data sets load into the same database, and one
// loaded over the other would mix two timelines of the same projects, so `npm start` records the
// data set it loads in a marker file next to the database and refuses to load another one over it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortfolioDates } from './demo-dates';

export const DATA_SET_MARKER = 'demo-data';
/** What a database loaded before the marker existed holds: `npm start` loaded the 2023 reproduction. */
const UNMARKED = '2023';

/** The marker's content: the data set and, for the live demo, the quarter its dates were moved into. */
export function dataSetLabel(dates: PortfolioDates): string {
  return dates.dataSet === 'live' ? `live ${dates.quarter.label}` : '2023';
}

function described(label: string): string {
  return label === '2023'
    ? 'the 2023 reproduction'
    : `the live demo moved into ${label.slice('live '.length)}`;
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
