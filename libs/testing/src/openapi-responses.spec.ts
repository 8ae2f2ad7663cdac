import { responsesWithoutSchema } from './openapi-responses';

describe('responsesWithoutSchema', () => {
  const withSchema = { content: { 'application/json': { schema: { type: 'object' } } } };

  it('names the success answers without a schema and the operations without a success answer', () => {
    expect(
      responsesWithoutSchema({
        paths: {
          '/projects': { get: { responses: { '200': withSchema } }, post: { responses: { '201': {} } } },
          '/projects/{code}': {
            parameters: {} as never,
            patch: { responses: { '400': {} } },
            delete: { responses: { '204': {} } },
          },
        },
      }),
    ).toEqual(['POST /projects → 201', 'PATCH /projects/{code}']);
  });
});
