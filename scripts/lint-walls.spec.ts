import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Each wall of CONTRIBUTING.md broken once in a scratch copy of the tree (a fresh clone: no Nx
// cache), then `scripts/lint.sh` and Prettier run there as `npm test` runs them.
const root = join(__dirname, '..');

const BROKEN_WALLS = [
  {
    wall: 'contracts import nothing of ours',
    file: 'libs/contracts/src/scratch-wall.ts',
    source: "import { addDays } from '@banjie/domain';\n\nexport const moved = addDays;\n",
    error: 'A project tagged with "type:contracts" cannot depend on any libs with tags',
  },
  {
    wall: 'workflow code loads only the workflow-safe domain',
    file: 'libs/workflows/src/scratch-wall.ts',
    source: "import { addDays } from '@banjie/domain';\n\nexport const moved = addDays;\n",
    error: 'workflow code imports @banjie/domain/workflow-safe',
  },
  {
    wall: 'apps never import apps',
    file: 'apps/notice-service/src/scratch-wall.ts',
    source:
      "import { startApprovalService } from '../../approval-service/src/approval-service';\n\nexport const moved = startApprovalService;\n",
    error: 'Projects cannot be imported by a relative or absolute path',
  },
  {
    wall: 'apps never import apps, tests included',
    file: 'apps/notice-service/src/scratch-wall.int-spec.ts',
    source:
      "import { startApprovalService } from '../../approval-service/src/approval-service';\n\nit('starts', () => expect(startApprovalService).toBeDefined());\n",
    error: 'Projects cannot be imported by a relative or absolute path',
  },
  {
    wall: 'scripts use libs, never apps',
    file: 'scripts/scratch-wall.ts',
    source:
      "import { startNoticeService } from '../apps/notice-service/src/notice-service';\n\nexport const moved = startNoticeService;\n",
    error: 'Projects cannot be imported by a relative or absolute path',
  },
  {
    wall: 'production code never imports the test harness',
    file: 'apps/notice-service/src/scratch-harness.ts',
    source: "import { eventually } from '@banjie/testing';\n\nexport const moved = eventually;\n",
    error: 'production code never imports the test harness',
  },
  {
    wall: 'SQL lives in repositories',
    file: 'apps/notice-service/src/board/scratch-wall.service.ts',
    source:
      "import type { Tx } from '@banjie/platform';\n\nexport const count = (tx: Tx) => tx.query('SELECT count(*) FROM notice.cards');\n",
    error: 'SQL lives in *.repository.ts files',
  },
  {
    wall: 'services open transactions through Transactions.run',
    file: 'apps/notice-service/src/board/scratch-transaction.service.ts',
    source:
      "import { DataSource } from 'typeorm';\n\nexport const run = (dataSource: DataSource) => dataSource.transaction(async () => 1);\n",
    error: 'SQL lives in *.repository.ts files',
  },
];

const REPOSITORY_WITH_SQL = {
  file: 'apps/notice-service/src/board/scratch-wall.repository.ts',
  source:
    "import type { Tx } from '@banjie/platform';\n\nexport const count = (tx: Tx) => tx.query('SELECT count(*) FROM notice.cards');\n",
};

function scratchCopyOfTheTree(): string {
  const scratch = mkdtempSync(join(tmpdir(), 'banjie-walls-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(root, file), join(scratch, file));
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  return scratch;
}

function run(cwd: string, command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the walls fail lint on a fresh clone', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = scratchCopyOfTheTree();
    for (const { file, source } of [...BROKEN_WALLS, REPOSITORY_WITH_SQL])
      writeFileSync(join(scratch, file), source);
  }, 120_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('names every broken wall, and passes SQL in a repository', () => {
    const files = [...BROKEN_WALLS, REPOSITORY_WITH_SQL].map(({ file }) => file);
    const lint = run(scratch, 'bash', ['scripts/lint.sh', ...files]);

    expect(lint.status).not.toBe(0);
    expect(lint.output).not.toContain('No cached ProjectGraph');
    for (const { wall, file, error } of BROKEN_WALLS) {
      const report = lint.output.split(/\n(?=\/)/).find((section) => section.startsWith(join(scratch, file)));
      expect({ wall, reported: report?.includes(error) ?? false }).toEqual({ wall, reported: true });
    }
    expect(lint.output).not.toContain(join(scratch, REPOSITORY_WITH_SQL.file));
  }, 120_000);

  it('fails the format check on unformatted code', () => {
    const file = 'libs/domain/src/scratch-unformatted.ts';
    writeFileSync(join(scratch, file), 'export const   unformatted = {a:1,\n  b : 2}\n');
    const check = run(scratch, 'npx', ['prettier', '--check', file]);
    expect(check.status).not.toBe(0);
    expect(check.output).toContain(file);
  }, 60_000);
});
