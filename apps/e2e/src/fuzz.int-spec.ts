import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import {
  badTokens,
  baseUrl,
  eventually,
  fuzzService,
  settledStateDigest,
  stateDigest,
  tokensForEveryRole,
  type FuzzTarget,
} from '@banjie/testing';
import {
  approvalClient,
  planItems,
  startIsolatedApproval,
} from '../../approval-service/src/test/approval-api';
import {
  intakeClient,
  sampleRegistration,
  startIsolatedIntake,
} from '../../intake-service/src/test/intake-api';

/** CI's share of the fuzz run (`npm run fuzz` sends 10,000 and more over all four services). */
const REQUESTS_PER_SERVICE = 1_000;

describe('malformed requests against every endpoint', () => {
  let intake: INestApplication;
  let approval: INestApplication;
  let databaseUrl: string;
  let projectCode: string;

  beforeAll(async () => {
    ({ app: intake, databaseUrl } = await startIsolatedIntake());
    ({ app: approval } = await startIsolatedApproval(databaseUrl));
    const admin = intakeClient(intake, { sub: 'admin-1', role: 'admin' });
    projectCode = (await admin<{ code: string }>('POST', '/projects', sampleRegistration)).body.code;
    await admin('PUT', `/projects/${projectCode}/plan`, {
      items: planItems('2023-06-30'),
      reason: '计划',
      effectiveDate: '2023-01-10',
    });
    const reader = approvalClient(approval, { sub: 'dispatch-1', role: 'dispatch' });
    await eventually(async () => expect((await reader.ofProject(projectCode)).body).toHaveLength(11));
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([intake?.close(), approval?.close()]);
  });

  const target = (service: string, app: INestApplication): FuzzTarget => ({
    service,
    baseUrl: baseUrl(app),
    knownParams: { code: [projectCode], id: [`${projectCode}-EIA`, `${projectCode}-LAND_USE`] },
    tokens: tokensForEveryRole(),
    badTokens: badTokens(),
  });

  it.each([['intake'], ['approval']])(
    '%s: no 5xx, no malformed command accepted, every refusal explained, no row changed',
    async (service) => {
      const before = await settledStateDigest(databaseUrl, ['intake', 'approval']);
      const report = await fuzzService(target(service, service === 'intake' ? intake : approval), {
        requests: REQUESTS_PER_SERVICE,
        seed: 20230328,
        concurrency: 8,
      });
      expect({ findings: report.findings.slice(0, 5), count: report.findings.length }).toEqual({
        findings: [],
        count: 0,
      });
      expect(report.requests).toBe(REQUESTS_PER_SERVICE);
      expect(await stateDigest(databaseUrl, ['intake', 'approval'])).toEqual(before);
    },
    180_000,
  );
});
