import { BAD_DATES, EXTREME_DATES, EXTREME_QUARTERS, FAR_DATES, FAR_YEARS } from './hostile-values';
import { fuzzCase, plausiblePeriod, type PathFiller } from './fuzz-cases';
import { operationsOf, type OpenApiDocument } from './openapi-operations';
import { SeededRandom } from '@banjie/domain';

const doc: OpenApiDocument = {
  paths: {
    '/projects/{code}/transitions': {
      post: {
        parameters: [{ name: 'code', in: 'path', required: true }],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/TransitionDto' } } },
        },
      },
    },
  },
  components: {
    schemas: {
      TransitionDto: {
        type: 'object',
        required: ['to'],
        properties: {
          to: { type: 'string', enum: ['STARTED'] },
          effectiveDate: { type: 'string', format: 'date' },
          reason: { type: 'string' },
        },
      },
    },
  },
};
const [operation] = operationsOf(doc);
const fill: PathFiller = (template, existing) =>
  template.replace('{code}', existing ? 'BJ-2023-0001' : 'NOWHERE');

describe('fuzz cases', () => {
  it('reads operations with their resolved body schema', () => {
    expect(operation).toMatchObject({
      method: 'POST',
      path: '/projects/{code}/transitions',
      pathParams: ['code'],
    });
    expect(operation!.body?.properties?.to?.enum).toEqual(['STARTED']);
  });

  it('is reproducible from its seed', () => {
    const run = (seed: number) =>
      Array.from({ length: 50 }, (_, i, random = new SeededRandom(seed + i)) =>
        fuzzCase(operation!, random, fill),
      );
    expect(run(7).map((c) => [c.kind, c.path, c.body])).toEqual(run(7).map((c) => [c.kind, c.path, c.body]));
  });

  it('breaks the body of a command in a way the server must refuse', () => {
    const random = new SeededRandom(1);
    const cases = Array.from({ length: 400 }, () => fuzzCase(operation!, random, fill));
    const parsed = (body?: string) => JSON.parse(body ?? '{}') as Record<string, unknown>;
    for (const c of cases.filter((x) => x.kind === 'missing-required'))
      expect(parsed(c.body)).not.toHaveProperty('to');
    for (const c of cases.filter((x) => x.kind === 'hostile-string'))
      expect(parsed(c.body)).toHaveProperty('fuzzMarker', true);
    for (const c of cases.filter((x) => x.kind === 'bad-date'))
      expect(BAD_DATES).toContain(parsed(c.body)[c.fields![0]!]);
    for (const c of cases.filter((x) => x.kind === 'malformed-json' || x.kind === 'wrong-content-type'))
      expect(c.path).toContain('NOWHERE');
    expect(new Set(cases.map((c) => c.kind)).size).toBeGreaterThanOrEqual(9);
  });

  it('sends well-formed extremes to every date and period parameter: any for a reading, only far ones for a command', () => {
    const periods: OpenApiDocument = {
      paths: {
        '/targets/{quarter}': {
          get: {
            parameters: [
              { name: 'quarter', in: 'path', required: true },
              { name: 'asOf', in: 'query', schema: { type: 'string' } },
            ],
          },
        },
        // Undeclared, as Nest's document leaves a path parameter bound to a class without ApiProperty.
        '/calendar/overrides/{date}': { delete: {} },
        '/calendar/years/{year}': { put: {} },
      },
    };
    const [reading, command, yearCommand] = operationsOf(periods);
    const random = new SeededRandom(20230328);
    const noFill: PathFiller = (template) => template;
    const readings = Array.from({ length: 400 }, () => fuzzCase(reading!, random, noFill)).filter(
      (c) => c.kind === 'extreme-period',
    );
    const quarters = readings.map((c) => decodeURIComponent(c.path.split('/')[2]!.split('?')[0]!));
    expect(new Set(quarters)).toEqual(new Set(EXTREME_QUARTERS));
    const days = readings.flatMap((c) => [...new URL(c.path, 'http://x').searchParams.getAll('asOf')]);
    expect(days.every((day) => EXTREME_DATES.includes(day))).toBe(true);
    expect(readings.every((c) => c.fields?.includes('quarter'))).toBe(true);
    const commands = Array.from({ length: 200 }, () => fuzzCase(command!, random, noFill)).filter(
      (c) => c.kind === 'extreme-period',
    );
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(FAR_DATES).toContain(decodeURIComponent(c.path.split('/')[3]!));
    const years = Array.from({ length: 200 }, () => fuzzCase(yearCommand!, random, noFill)).filter(
      (c) => c.kind === 'extreme-period',
    );
    for (const c of years) expect(FAR_YEARS).toContain(c.path.split('/')[3]);
  });

  it('fills a date or period path parameter nothing known fills with a real value, so a mutated body is judged on the body', () => {
    expect(['quarter', 'year', 'date', 'code'].map(plausiblePeriod)).toEqual([
      '2023-Q1',
      '2023',
      '2023-03-01',
      undefined,
    ]);
  });
});
