import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { loadPortfolioWithHistory, portfolioDates } from '@banjie/portfolio';
import {
  describeCommands,
  eventually,
  exampleScript,
  extractExamples,
  startTestStack,
  STATUS_LOG_VARIABLE,
  statusesByExample,
  tokenFor,
  type ReadmeExample,
  type TestStack,
} from '@banjie/testing';

const ROOT = join(__dirname, '../../..');

/** The READMEs whose examples run: the top one and each app's. */
const READMES = [
  'README.md',
  ...readdirSync(join(ROOT, 'apps'))
    .map((app) => `apps/${app}/README.md`)
    .filter((file) => existsSync(join(ROOT, file))),
];

const examplesByReadme = READMES.map(
  (file) => [file, extractExamples(file, readFileSync(join(ROOT, file), 'utf8'))] as const,
).filter(([, examples]) => examples.length > 0);

/** Runs a README's examples in one bash, as a reader would one after the other; the status log says what each curl answered. */
async function runInBash(
  script: string,
  exampleCount: number,
): Promise<{ statuses: number[][]; output: string }> {
  const log = join(mkdtempSync(join(tmpdir(), 'readme-examples-')), 'statuses');
  const output = await new Promise<string>((resolve) => {
    execFile(
      'bash',
      ['-c', script],
      { cwd: ROOT, env: { ...process.env, [STATUS_LOG_VARIABLE]: log }, maxBuffer: 64 * 1024 * 1024 },
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    );
  });
  const statuses = existsSync(log) ? readFileSync(log, 'utf8') : '';
  return { statuses: statusesByExample(statuses, exampleCount), output };
}

/**
 * The examples of the READMEs (those marked with the status they answer: CONTRIBUTING.md,
 * "Examples in READMEs") run as written against the four services on a fresh live demo — the
 * 2023 portfolio moved into the current quarter and played up to today, as `npm start` loads it —
 * and answer what they say.
 */
describe('the README examples on a fresh live demo', () => {
  let stack: TestStack;
  const dates = portfolioDates('live', new Date());

  beforeAll(async () => {
    stack = await startTestStack(
      'readme_examples',
      ['intake-service', 'approval-service', 'notice-service', 'deadline-service'],
      { env: { TARGET_QUARTER: dates.quarter.label } },
    );
    // The READMEs name the portfolio's codes as a fresh list numbers them: BJ-2023-0001 onwards.
    const db = new PgClient({ connectionString: stack.databaseUrl });
    await db.connect();
    await db.query('DELETE FROM intake.project_code_counters');
    await db.end();
    await loadPortfolioWithHistory({
      intakeUrl: stack.urlOf('intake-service'),
      approvalUrl: stack.urlOf('approval-service'),
      signToken: tokenFor,
      dates,
      log: () => undefined,
    });
    const lastProject = `${stack.urlOf('notice-service')}/api/projects/BJ-2023-0127`;
    await eventually(async () => expect((await fetch(lastProject)).status).toBe(200), 120_000, 500);
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('finds executable examples in the READMEs', () => {
    expect(examplesByReadme.length).toBeGreaterThan(0);
  });

  it.each(examplesByReadme)(
    '%s: each curl answers the status written after it',
    async (file, examples: readonly ReadmeExample[]) => {
      const addresses = new Map(
        (['intake-service', 'approval-service', 'notice-service', 'deadline-service'] as const).map(
          (service, index) => [`http://127.0.0.1:${3001 + index}`, stack.urlOf(service)],
        ),
      );
      const { statuses, output } = await runInBash(exampleScript(examples, addresses), examples.length);
      const answered = examples.flatMap((example, index) => describeCommands(example, statuses[index]!));
      const documented = examples.flatMap((example) =>
        describeCommands(
          example,
          example.commands.map((command) => command.status),
        ),
      );
      if (JSON.stringify(answered) !== JSON.stringify(documented))
        process.stderr.write(`${file} examples printed:\n${output.slice(-20_000)}\n`);
      expect(answered).toEqual(documented);
    },
    600_000,
  );
});
