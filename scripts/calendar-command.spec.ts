import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarCommand, readPublication } from './calendar-command';

const dir = mkdtempSync(join(tmpdir(), 'calendar-command-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const valid = {
  year: 2027,
  reference: '国办发明电〔2026〕9号',
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  workingDays: ['2027-02-20'],
  reason: '通知发布',
};

describe('npm run calendar', () => {
  it('validates a file offline, naming each bad field, date and rule', async () => {
    expect(await calendarCommand(['validate', file('ok.json', valid)], {})).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('2027, 1 rest days, 1 adjusted working days — valid'),
    });
    const bad = await calendarCommand(
      ['validate', file('bad.json', { ...valid, workingDays: ['2027-02-22', '2028-01-01'] })],
      {},
    );
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('workingDays.0: 2027-02-22 is a weekday');
    expect(bad.stderr).toContain('workingDays.1: 2028-01-01 lies outside 2027');
    expect(readPublication(file('shape.json', { ...valid, year: '2027', extra: 1 }))).toEqual({
      problems: [expect.stringMatching(/^year: /), expect.stringMatching(/^file: .*extra/)],
    });
    expect(readPublication(file('broken.json', '{"year": 20'))).toEqual({
      problems: [expect.stringContaining('broken.json')],
    });
  });

  it('publishes by PUT /calendar/years/{year} with an admin token, after checking the file', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const answer = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ year: 2027, source: 'PUBLISHED' }), { status: 200 });
    }) as typeof fetch;
    const result = await calendarCommand(
      ['publish', file('ok2.json', valid), '--url', 'http://approval:3002', '--token', 't0k'],
      {},
      answer,
    );
    expect(result).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('"PUBLISHED"') });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('http://approval:3002/calendar/years/2027');
    expect(calls[0]!.init.method).toBe('PUT');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer t0k');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      reference: valid.reference,
      holidays: valid.holidays,
      workingDays: valid.workingDays,
      reason: valid.reason,
    });
    const refused = await calendarCommand(
      ['publish', file('ok3.json', valid), '--token', 'x'],
      {},
      (async () => new Response('{"statusCode":403}', { status: 403 })) as typeof fetch,
    );
    expect(refused).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('answered 403') });
  });

  it('prints its usage for --help and refuses unknown commands', async () => {
    expect(await calendarCommand(['--help'], {})).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('npm run calendar -- publish <file.json>'),
    });
    expect(await calendarCommand(['erase', '2027'], {})).toMatchObject({ exitCode: 2 });
    expect(await calendarCommand(['show', '27'], {})).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('four digits'),
    });
  });
});
