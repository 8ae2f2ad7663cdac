import {
  approvalClient,
  badTokens,
  eventually,
  fuzzService,
  intakeClient,
  planItems,
  sampleRegistration,
  settledStateDigest,
  startTestStack,
  stateDigest,
  tokensForEveryRole,
  type FuzzTarget,
  type TestStack,
} from '@banjie/testing';

/** CI's share of the fuzz run (`npm run fuzz` sends 10,000 and more over all four services). */
const REQUESTS_PER_SERVICE = 1_000;

describe('malformed requests against every endpoint', () => {
  let stack: TestStack;
  let projectCode: string;

  beforeAll(async () => {
    stack = await startTestStack('fuzz', ['intake-service', 'approval-service']);
    const admin = intakeClient(stack.urlOf('intake-service'), { sub: 'admin-1', role: 'admin' });
    projectCode = (await admin<{ code: string }>('POST', '/projects', sampleRegistration)).body.code;
    await admin('PUT', `/projects/${projectCode}/plan`, {
      items: planItems('2023-06-30'),
      reason: '计划',
      effectiveDate: '2023-01-10',
    });
    const reader = approvalClient(stack.urlOf('approval-service'), { sub: 'dispatch-1', role: 'dispatch' });
    await eventually(async () => expect((await reader.ofProject(projectCode)).body.items).toHaveLength(11));
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const target = (service: 'intake' | 'approval'): FuzzTarget => ({
    service,
    baseUrl: stack.urlOf(`${service}-service`),
    knownParams: { code: [projectCode], id: [`${projectCode}-EIA`, `${projectCode}-LAND_USE`] },
    tokens: tokensForEveryRole(),
    badTokens: badTokens(),
  });

  it.each([['intake'], ['approval']] as const)(
    '%s: no 5xx, no malformed command accepted, every refusal explained, no row changed',
    async (service) => {
      const before = await settledStateDigest(stack.databaseUrl, ['intake', 'approval']);
      const report = await fuzzService(target(service), {
        requests: REQUESTS_PER_SERVICE,
        seed: 20230328,
        concurrency: 8,
      });
      expect({ findings: report.findings.slice(0, 5), count: report.findings.length }).toEqual({
        findings: [],
        count: 0,
      });
      expect(report.requests).toBe(REQUESTS_PER_SERVICE);
      expect(await stateDigest(stack.databaseUrl, ['intake', 'approval'])).toEqual(before);
    },
    180_000,
  );
});
