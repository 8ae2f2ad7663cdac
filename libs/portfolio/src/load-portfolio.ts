// Loads the 2023 key-project portfolio through the services' own APIs, like any client: the
// projects, plans and lifecycle moves through the intake API, then the first quarter's approval
// history through the approval API — on the report's dates, or moved into the current quarter for
// the live demo (demo-dates.ts). Idempotent: projects already on the list (same name) are not
// registered again, and every approval action carries an Idempotency-Key, so a rerun changes nothing.
import { createChineseWorkingDayCalendar } from '@banjie/domain';
import { buildApprovalHistory, Q1_2023 } from './approval-history';
import {
  historiesOn,
  historiesUntil,
  portfolioDates,
  seedProjectOn,
  type PortfolioDates,
} from './demo-dates';
import { playApprovalHistory, PORTFOLIO_LOADER, type PlaybackConflict } from './approval-player';
import { figuresOnDay, type HistoryFigures } from './history-replay';
import { loadProjectsThroughIntake } from './intake-loader';
import { JsonApi } from './json-api';
import { PORTFOLIO_2023, readPortfolioSeed } from './seed';
import type { SignToken } from './token-signer';

export const DEFAULT_CONCURRENCY = 16;

/** The projects, their plans and lifecycle moves only, through the intake API (no approval history). */
export async function loadPortfolio(
  baseUrl: string,
  token: string,
  file = PORTFOLIO_2023,
): Promise<{ loaded: number; skipped: number }> {
  const { loaded, skipped } = await loadProjectsThroughIntake(
    new JsonApi(baseUrl),
    token,
    readPortfolioSeed(file),
    DEFAULT_CONCURRENCY,
  );
  return { loaded, skipped };
}

export interface PortfolioLoadOptions {
  intakeUrl: string;
  approvalUrl: string;
  /** Signs the tokens of the loader and of the applicants and departments it acts for, with the services' key. */
  signToken: SignToken;
  /** Load only these projects (by name); the history is still the whole portfolio's, so each project's is the same. */
  projectNames?: readonly string[];
  /** Requests in flight at once (default 16). */
  concurrency?: number;
  /** How long to wait for the approval service to open a project's 11 procedures (default 120 s). */
  readyTimeoutMs?: number;
  /** Progress and summary lines (default: standard output). */
  log?: (line: string) => void;
  /** The days it is played on (default: the 2023 reproduction, `portfolioDates('2023', new Date())`). */
  dates?: PortfolioDates;
}

export interface PortfolioLoadReport {
  projects: { loaded: number; skipped: number };
  /** REQUIRED procedures whose history was played. */
  procedures: number;
  actionsSent: number;
  actionsAlreadyApplied: number;
  actionsSkipped: number;
  conflicts: PlaybackConflict[];
  seconds: number;
  /** The whole portfolio's figures the history gives, on the report day (today for the live demo) and at the quarter's end. */
  expected: { reportDay: HistoryFigures; quarterEnd: HistoryFigures };
}

const secondsSince = (started: number) => Math.round((Date.now() - started) / 100) / 10;

function flagsLine(figures: HistoryFigures): string {
  const { flags } = figures;
  return `${figures.asOf}: ${figures.approved}/${figures.required} approved (rate ${figures.rate}); flags GREEN ${flags.GREEN}, BLUE ${flags.BLUE}, YELLOW ${flags.YELLOW}, RED ${flags.RED}, GREY ${flags.GREY}`;
}

/**
 * The 2023 portfolio with its Q1 approval history: projects, plans and lifecycle through intake,
 * then every REQUIRED procedure's actions through the approval service, `concurrency` at a time,
 * each on its day in `dates` (nothing after today). Prints progress and a closing summary through `log`.
 */
export async function loadPortfolioWithHistory(options: PortfolioLoadOptions): Promise<PortfolioLoadReport> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a positive whole number, got ${options.concurrency}`);
  const dates = options.dates ?? portfolioDates('2023', new Date());
  const calendar = createChineseWorkingDayCalendar();
  const seed = readPortfolioSeed();
  const histories = historiesOn(buildApprovalHistory(seed, calendar, Q1_2023), dates, calendar);
  const wanted = options.projectNames ? new Set(options.projectNames) : null;
  const projects = wanted ? seed.filter((project) => wanted.has(project.name)) : seed;
  if (wanted && projects.length !== wanted.size)
    throw new Error(
      `not in the seed: ${[...wanted].filter((name) => !seed.some((project) => project.name === name)).join(', ')}`,
    );

  const quarter = dates.quarter.label;
  log(
    `portfolio 2023${dates.dataSet === 'live' ? ` moved into ${quarter} (live demo, as of ${dates.today})` : ''}: ${projects.length} projects through the intake API (${options.intakeUrl}), their ${quarter} approval history through the approval API (${options.approvalUrl})`,
  );
  const intake = await loadProjectsThroughIntake(
    new JsonApi(options.intakeUrl),
    options.signToken(PORTFOLIO_LOADER),
    projects.map((project) => seedProjectOn(project, dates)),
    concurrency,
  );
  log(
    `  ${intake.loaded} projects loaded, ${intake.skipped} already on the list — ${secondsSince(started)} s`,
  );
  const played = historiesUntil(
    histories.filter((history) => intake.projects.has(history.projectName)),
    dates.today,
  );
  const playback = await playApprovalHistory({
    approval: new JsonApi(options.approvalUrl),
    signToken: options.signToken,
    histories: played,
    quarter: dates.quarter,
    projects: intake.projects,
    concurrency,
    readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
    log,
  });
  const report: PortfolioLoadReport = {
    projects: { loaded: intake.loaded, skipped: intake.skipped },
    ...playback,
    seconds: secondsSince(started),
    expected: {
      reportDay: figuresOnDay(histories, dates.reportDay, calendar, Q1_2023.dueSoonWorkingDays),
      quarterEnd: figuresOnDay(histories, dates.quarter.lastDay, calendar, Q1_2023.dueSoonWorkingDays),
    },
  };
  log(
    `approval history ${quarter}: ${report.procedures} procedures, ${report.actionsSent} actions sent, ${report.actionsAlreadyApplied} already applied` +
      `${report.conflicts.length > 0 ? `, ${report.conflicts.length} refused (${report.actionsSkipped} later steps skipped)` : ''} — ${report.seconds} s in all`,
  );
  if (!wanted) {
    log(`  as the history has it, ${flagsLine(report.expected.reportDay)}`);
    log(`  and ${flagsLine(report.expected.quarterEnd)} (target 60 % by ${dates.quarter.lastDay})`);
  }
  return report;
}
