import { parseArgs } from 'node:util';
import { DEPARTMENT_CODES, type DepartmentCode } from '@banjie/contracts';
import { COMPLETION_RATE_TARGET } from '@banjie/domain';

/** How the simulated departments and applicants behave, and what the quarter is judged against. */
export interface SimulationOptions {
  seed: number;
  /** Approvals take this fraction of the committed limit on average (0.8 = 80 %). */
  pace: number;
  /** Per-department overrides of `pace`. */
  paceByDepartment: Partial<Record<DepartmentCode, number>>;
  /** σ of the log-normal spread of approval times around the pace (0 = every approval takes exactly pace × limit). */
  spread: number;
  /** Applicants submit up to this many working days before the latest day that still meets the target date at the committed limit. */
  submitEarlyWorkingDays: number;
  /** Share of applications that get one supplement request (补正), which pauses the clock. */
  supplementShare: number;
  target: number;
  /** Simulate only the first N projects of the portfolio (all by default). */
  projects: number | null;
  /** Where the report files are written. */
  outDir: string;
}

export const DEFAULT_OPTIONS: SimulationOptions = {
  seed: 20230101,
  pace: 0.8,
  paceByDepartment: {},
  spread: 0.35,
  submitEarlyWorkingDays: 10,
  supplementShare: 0.15,
  target: COMPLETION_RATE_TARGET,
  projects: null,
  outDir: 'reports',
};

export const USAGE = `npm run simulate-q1 -- [options]   (all in Chinese working days; see apps/deadline-service/README.md)
  --pace <share>             approvals take this share of the committed limit on average (default ${DEFAULT_OPTIONS.pace})
  --pace-<DEPT> <share>      one department's pace: ${DEPARTMENT_CODES.join(', ')}
  --spread <sigma>           log-normal spread of approval times (default ${DEFAULT_OPTIONS.spread})
  --submit-early <days>      applicants submit up to this many working days early (default ${DEFAULT_OPTIONS.submitEarlyWorkingDays})
  --supplement-share <share> applications with a supplement request (default ${DEFAULT_OPTIONS.supplementShare})
  --target <rate>            the quarter's target (default ${DEFAULT_OPTIONS.target})
  --seed <n>                 PRNG seed (default ${DEFAULT_OPTIONS.seed})
  --projects <n>             only the first n projects of the portfolio (default: all 127)
  --out <dir>                where q1-simulation.json and .html go (default ${DEFAULT_OPTIONS.outDir})
`;

export class SimulationOptionError extends Error {}

const paceOption = (department: DepartmentCode) => `pace-${department}`;

function number(name: string, raw: string, min: number, max: number, integer = false): number {
  const value = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new SimulationOptionError(
      `--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

/** Parses `--pace 0.8 --pace-EEB 1.3 --seed 7 …`; an unknown option or a bad value is an error naming the option. */
export function parseSimulationArgs(argv: readonly string[]): SimulationOptions {
  const string = { type: 'string' } as const;
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      seed: string,
      pace: string,
      spread: string,
      'submit-early': string,
      'supplement-share': string,
      target: string,
      projects: string,
      out: string,
      ...Object.fromEntries(DEPARTMENT_CODES.map((department) => [paceOption(department), string])),
    },
  }) as { values: Record<string, string | undefined> };
  const given = (name: string, parse: (raw: string) => number, fallback: number) =>
    values[name] === undefined ? fallback : parse(values[name]!);
  const paceByDepartment: SimulationOptions['paceByDepartment'] = {};
  for (const department of DEPARTMENT_CODES) {
    const raw = values[paceOption(department)];
    if (raw !== undefined) paceByDepartment[department] = number(paceOption(department), raw, 0.05, 10);
  }
  return {
    seed: given('seed', (raw) => number('seed', raw, 0, 2 ** 32 - 1, true), DEFAULT_OPTIONS.seed),
    pace: given('pace', (raw) => number('pace', raw, 0.05, 10), DEFAULT_OPTIONS.pace),
    paceByDepartment,
    spread: given('spread', (raw) => number('spread', raw, 0, 2), DEFAULT_OPTIONS.spread),
    submitEarlyWorkingDays: given(
      'submit-early',
      (raw) => number('submit-early', raw, 0, 60, true),
      DEFAULT_OPTIONS.submitEarlyWorkingDays,
    ),
    supplementShare: given(
      'supplement-share',
      (raw) => number('supplement-share', raw, 0, 1),
      DEFAULT_OPTIONS.supplementShare,
    ),
    target: given('target', (raw) => number('target', raw, 0.01, 1), DEFAULT_OPTIONS.target),
    projects: values.projects === undefined ? null : number('projects', values.projects, 1, 10_000, true),
    outDir: values.out ?? DEFAULT_OPTIONS.outDir,
  };
}

/** The pace of a department: its override, or the general pace. */
export const paceOf = (
  options: Pick<SimulationOptions, 'pace' | 'paceByDepartment'>,
  department: DepartmentCode,
): number => options.paceByDepartment[department] ?? options.pace;
