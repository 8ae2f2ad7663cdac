// What `npm run calendar` does, apart from printing: publish, validate or show a year's working-day arrangement.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { validateYearPublication } from '@banjie/domain';
import { issueToken, LOCAL_DEVELOPMENT_JWT_SECRET } from '@banjie/platform';

export const CALENDAR_USAGE = [
  'usage: npm run calendar -- publish <file.json>   publish (or correct) a year: PUT /calendar/years/<year> as admin',
  '       npm run calendar -- validate <file.json>  check a file without publishing it',
  '       npm run calendar -- show <year>           the year in force and where it came from (package, published, provisional)',
  '  --url <approval service>  default APPROVAL_URL, or http://127.0.0.1:<APPROVAL_PORT|3002>',
  '  --token <jwt>             an admin token (default BANJIE_TOKEN; without one, an admin token signed with JWT_SECRET or the local key)',
  'file: {"year": 2027, "reference": "国办发明电〔2026〕N号", "holidays": [{"date": "2027-01-01", "name": "元旦"}, …],',
  '       "workingDays": ["2027-02-20", …], "reason": "…"}   (see README: Publishing next year\'s calendar)',
].join('\n');

/** The publication file: one year's official arrangement. */
export const publicationFile = z.strictObject({
  year: z.number().int(),
  reference: z.string(),
  holidays: z.array(z.strictObject({ date: z.string(), name: z.string() })),
  workingDays: z.array(z.string()),
  reason: z.string().optional(),
});
export type PublicationFile = z.infer<typeof publicationFile>;

export interface CalendarCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const fail = (exitCode: number, message: string): CalendarCommandResult => ({
  exitCode,
  stdout: '',
  stderr: `calendar: ${message}\n`,
});

/** Reads and checks a publication file; the problems name the field, the date and the rule. */
export function readPublication(
  path: string,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): { file: PublicationFile } | { problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(read(path));
  } catch (error) {
    return { problems: [`${path}: ${(error as Error).message}`] };
  }
  const parsed = publicationFile.safeParse(json);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`),
    };
  const problems = validateYearPublication(parsed.data.year, parsed.data).map(
    (p) => `${p.field}: ${p.message}`,
  );
  return problems.length > 0 ? { problems } : { file: parsed.data };
}

export async function calendarCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  request: typeof fetch = fetch,
): Promise<CalendarCommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { url: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail(2, `${(error as Error).message}\n${CALENDAR_USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, argument] = positionals;
  if (values.help) return { exitCode: 0, stdout: `${CALENDAR_USAGE}\n`, stderr: '' };
  if (!command || !argument || positionals.length > 2 || !['publish', 'validate', 'show'].includes(command))
    return fail(2, CALENDAR_USAGE);
  const url = values.url ?? env.APPROVAL_URL ?? `http://127.0.0.1:${env.APPROVAL_PORT ?? 3002}`;
  const token =
    values.token ??
    env.BANJIE_TOKEN ??
    issueToken({ sub: 'calendar-cli', role: 'admin' }, env.JWT_SECRET ?? LOCAL_DEVELOPMENT_JWT_SECRET);
  const call = async (method: string, path: string, body?: unknown): Promise<CalendarCommandResult> => {
    const response = await request(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return response.ok
      ? { exitCode: 0, stdout: `${text}\n`, stderr: '' }
      : fail(1, `${method} ${path} answered ${response.status}: ${text}`);
  };
  if (command === 'show')
    return /^\d{4}$/.test(argument)
      ? call('GET', `/calendar/years/${argument}`)
      : fail(2, `year must be four digits, got ${JSON.stringify(argument)}`);
  const read = readPublication(argument);
  if ('problems' in read)
    return fail(1, `${argument} is not a valid publication:\n  ${read.problems.join('\n  ')}`);
  const { year, ...publication } = read.file;
  if (command === 'validate') {
    return {
      exitCode: 0,
      stdout: `${argument}: ${year}, ${publication.holidays.length} rest days, ${publication.workingDays.length} adjusted working days — valid\n`,
      stderr: '',
    };
  }
  return call('PUT', `/calendar/years/${year}`, publication);
}
