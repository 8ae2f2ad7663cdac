import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { badTokens, baseUrl, fuzzService, stateDigest, tokensForEveryRole, type FuzzReport } from '@banjie/testing';
import { intakeClient, sampleRegistration, startIsolatedIntake } from '../../intake-service/src/test/intake-api';

/** CI's share of the fuzz run (`npm run fuzz` sends 10,000 and more): malformed requests change nothing and never 5xx. */
const REQUESTS_PER_SERVICE = 1_000;

describe('malformed requests against every endpoint', () => {
  let intake: INestApplication;
  let databaseUrl: string;
  let projectCode: string;

  beforeAll(async () => {
    ({ app: intake, databaseUrl } = await startIsolatedIntake());
    const admin = intakeClient(intake, { sub: 'admin-1', role: 'admin' });
    const registered = await admin<{ code: string }>('POST', '/projects', sampleRegistration);
    projectCode = registered.body.code;
  }, 120_000);

  afterAll(async () => {
    await intake?.close();
  });

  const summary = (report: FuzzReport) => ({ findings: report.findings.slice(0, 5), findingCount: report.findings.length });

  it('intake: no 5xx, no malformed command accepted, every refusal explained, no state changed', async () => {
    const before = await stateDigest(databaseUrl, ['intake']);
    const report = await fuzzService(
      { service: 'intake', baseUrl: baseUrl(intake), knownParams: { code: [projectCode] }, tokens: tokensForEveryRole(), badTokens: badTokens() },
      { requests: REQUESTS_PER_SERVICE, seed: 20230328, concurrency: 8 },
    );
    expect(summary(report)).toEqual({ findings: [], findingCount: 0 });
    expect(report.requests).toBe(REQUESTS_PER_SERVICE);
    expect(report.operations).toBeGreaterThanOrEqual(8);
    expect(await stateDigest(databaseUrl, ['intake'])).toEqual(before);
  }, 180_000);
});
