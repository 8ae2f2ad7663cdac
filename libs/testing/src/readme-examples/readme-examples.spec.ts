import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  describeCommands,
  exampleScript,
  extractExamples,
  STATUS_LOG_VARIABLE,
  statusesByExample,
} from './readme-examples';

const README = [
  '# A service',
  '',
  '```bash',
  'npm ci && npm start',
  '```',
  '',
  '```bash',
  '# read a procedure',
  'TOKEN=$(npm run -s token -- --role admin)',
  'curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3002/procedures/P-1 | jq .status   # → 200',
  'curl -s -X POST -H "Authorization: Bearer $TOKEN" \\',
  "  -d '{}' http://127.0.0.1:3002/procedures/P-1/approve   # → 409",
  '```',
  '',
  '```json',
  '{ "curl": 1 }   # → 200',
  '```',
].join('\n');

describe('extractExamples', () => {
  it('finds the bash blocks whose commands say their status, with each curl and the line it starts on', () => {
    expect(extractExamples('apps/x/README.md', README)).toEqual([
      {
        file: 'apps/x/README.md',
        line: 7,
        script: README.split('\n').slice(7, 12).join('\n'),
        commands: [
          { line: 10, text: expect.stringContaining('/procedures/P-1 | jq'), status: 200 },
          { line: 11, text: expect.stringContaining('approve   # → 409'), status: 409 },
        ],
      },
    ]);
  });

  it('leaves out blocks without a status: they are prose', () => {
    expect(extractExamples('README.md', '```bash\ncurl -s http://127.0.0.1:3003/api/board\n```\n')).toEqual(
      [],
    );
  });

  it('refuses a curl without its status in an executable block, naming the file and line', () => {
    const markdown = '```bash\ncurl -s http://a/   # → 200\ncurl -s http://b/\n```\n';
    expect(() => extractExamples('README.md', markdown)).toThrow(
      'README.md:3: a curl command of an executable example needs the status it answers (# → 200)',
    );
  });

  it('refuses a status on a command that calls no curl', () => {
    expect(() => extractExamples('README.md', '```bash\necho hi   # → 200\n```\n')).toThrow(
      'README.md:2: "# → 200" marks a command that calls no curl',
    );
  });
});

describe('exampleScript and statusesByExample', () => {
  const examples = [
    ...extractExamples('README.md', '```bash\ncurl -s http://127.0.0.1:3002/a   # → 200\n```\n'),
    ...extractExamples(
      'README.md',
      '```bash\ncurl -s http://127.0.0.1:3002/b | cat   # → 404\ncurl -s http://127.0.0.1:3001/c   # → 200\n```\n',
    ),
  ];

  it('keeps the commands as written but for the addresses, and logs each curl after its example', () => {
    const script = exampleScript(
      examples,
      new Map([
        ['http://127.0.0.1:3002', 'http://127.0.0.1:41002'],
        ['http://127.0.0.1:3001', 'http://127.0.0.1:41001'],
      ]),
    );
    expect(script).toContain(
      'echo \'example 1\' >>"$README_EXAMPLE_STATUSES"\ncurl -s http://127.0.0.1:41002/b | cat',
    );
    expect(script).toContain('curl -s http://127.0.0.1:41001/c   # → 200');
    expect(script).not.toContain(':3002');
  });

  it('runs in bash with curl answering each status into the log, read back per example', async () => {
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/b' ? 404 : 200;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const log = join(mkdtempSync(join(tmpdir(), 'readme-examples-')), 'statuses');
    try {
      const { stdout } = await promisify(execFile)(
        'bash',
        [
          '-c',
          exampleScript(
            examples,
            new Map([
              ['http://127.0.0.1:3002', local],
              ['http://127.0.0.1:3001', local],
            ]),
          ),
        ],
        { env: { ...process.env, [STATUS_LOG_VARIABLE]: log } },
      );
      expect(stdout).toBe('{}{}{}');
      expect(statusesByExample(readFileSync(log, 'utf8'), 2)).toEqual([[200], [404, 200]]);
    } finally {
      server.close();
    }
  });

  it('reads the statuses between the example lines, ignoring curl errors', () => {
    expect(
      statusesByExample('example 0\ncurl: (7) Failed to connect\nstatus 200\nexample 1\nstatus 409\n', 2),
    ).toEqual([[200], [409]]);
  });

  it('describes each command with its file, line and status, or that it did not run', () => {
    expect(describeCommands(examples[1]!, [404])).toEqual([
      'README.md:2 curl -s http://127.0.0.1:3002/b | cat → 404',
      'README.md:3 curl -s http://127.0.0.1:3001/c → did not run',
    ]);
  });
});

describe("the repository's READMEs", () => {
  const root = join(__dirname, '../../../..');
  const readmes = [
    'README.md',
    ...readdirSync(join(root, 'apps')).map((app) => `apps/${app}/README.md`),
  ].filter((file) => existsSync(join(root, file)));

  it('mark their examples well: every curl of a marked block says its status', () => {
    const examples = readmes.flatMap((file) => extractExamples(file, readFileSync(join(root, file), 'utf8')));
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.every((example) => example.commands.length > 0)).toBe(true);
  });
});
