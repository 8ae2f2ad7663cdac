import {
  responsesWithoutSchema,
  startTestStack,
  tokenFor,
  type DocumentedResponses,
  type TestStack,
} from '@banjie/testing';

const SERVICES = ['intake-service', 'approval-service', 'deadline-service', 'notice-service'] as const;

/** What each service publishes at /docs-json is enough for a generated client: every answer has a type. */
describe('the OpenAPI documents of the four services', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('openapi', [...SERVICES]);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  const documentOf = async (service: (typeof SERVICES)[number]) =>
    // The public notice service shows its document to admin and supervisor tokens only.
    (await (
      await fetch(`${stack.urlOf(service)}/docs-json`, {
        headers: { authorization: `Bearer ${tokenFor({ sub: 'admin-1', role: 'admin' })}` },
      })
    ).json()) as DocumentedResponses & {
      components: { schemas: Record<string, unknown> };
    };

  it.each(SERVICES)('%s: every success answer has a schema', async (service) => {
    const document = await documentOf(service);
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    expect(responsesWithoutSchema(document)).toEqual([]);
  });

  it.each(SERVICES)("%s: lists are pages and errors carry the platform's error body", async (service) => {
    const { components } = await documentOf(service);
    expect(components.schemas).toHaveProperty('ErrorBodyDto');
    if (service !== 'notice-service') expect(components.schemas).toHaveProperty('PageMetaDto');
  });
});
