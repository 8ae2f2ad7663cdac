import { BAD_DATES } from './hostile-values';
import { fuzzCase, type PathFiller } from './fuzz-cases';
import { operationsOf, type OpenApiDocument } from './openapi-operations';
import { SeededRandom } from './seeded-random';

const doc: OpenApiDocument = {
  paths: {
    '/projects/{code}/transitions': {
      post: {
        parameters: [{ name: 'code', in: 'path', required: true }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/TransitionDto' } } } },
      },
    },
  },
  components: {
    schemas: {
      TransitionDto: {
        type: 'object',
        required: ['to'],
        properties: { to: { type: 'string', enum: ['STARTED'] }, effectiveDate: { type: 'string', format: 'date' }, reason: { type: 'string' } },
      },
    },
  },
};
const [operation] = operationsOf(doc);
const fill: PathFiller = (template, existing) => template.replace('{code}', existing ? 'BJ-2023-0001' : 'NOWHERE');

describe('fuzz cases', () => {
  it('reads operations with their resolved body schema', () => {
    expect(operation).toMatchObject({ method: 'POST', path: '/projects/{code}/transitions', pathParams: ['code'] });
    expect(operation!.body?.properties?.to?.enum).toEqual(['STARTED']);
  });

  it('is reproducible from its seed', () => {
    const run = (seed: number) => Array.from({ length: 50 }, (_, i, random = new SeededRandom(seed + i)) => fuzzCase(operation!, random, fill));
    expect(run(7).map((c) => [c.kind, c.path, c.body])).toEqual(run(7).map((c) => [c.kind, c.path, c.body]));
  });

  it('breaks the body of a command in a way the server must refuse', () => {
    const random = new SeededRandom(1);
    const cases = Array.from({ length: 400 }, () => fuzzCase(operation!, random, fill));
    const parsed = (body?: string) => JSON.parse(body ?? '{}') as Record<string, unknown>;
    for (const c of cases.filter((x) => x.kind === 'missing-required')) expect(parsed(c.body)).not.toHaveProperty('to');
    for (const c of cases.filter((x) => x.kind === 'hostile-string')) expect(parsed(c.body)).toHaveProperty('fuzzMarker', true);
    for (const c of cases.filter((x) => x.kind === 'bad-date')) expect(BAD_DATES).toContain(parsed(c.body)[c.fields![0]!]);
    for (const c of cases.filter((x) => x.kind === 'malformed-json' || x.kind === 'wrong-content-type')) expect(c.path).toContain('NOWHERE');
    expect(new Set(cases.map((c) => c.kind)).size).toBeGreaterThanOrEqual(9);
  });
});
