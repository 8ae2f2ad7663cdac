// Seeds the bench's projects through the intake API (concurrently) and waits until the approval
// service has opened every procedure from the plan events.
import { setTimeout as sleep } from 'node:timers/promises';
import { PROCEDURE_CODES, type DepartmentCode } from '@banjie/contracts';
import { mapConcurrently, PROCEDURE_CATALOGUE, shanghaiLocalDate } from '@banjie/domain';
import type { BenchClient } from './http-client';

export interface BenchProcedure {
  procedureId: string;
  projectCode: string;
  department: DepartmentCode;
  enterpriseId: string;
}

export interface SeedResult {
  procedures: BenchProcedure[];
  seconds: number;
  projectsPerSecond: number;
  /** From the last plan accepted by intake until the approval service had opened every procedure. */
  openingLagSeconds: number;
}

const ADMIN = { sub: 'bench-admin', role: 'admin' } as const;

function daysAgo(days: number): string {
  return shanghaiLocalDate(new Date(Date.now() - days * 86_400_000));
}

export async function seedProjects(
  client: BenchClient,
  urls: { intake: string; approval: string },
  projects: number,
  label: string,
  concurrency = 16,
): Promise<SeedResult> {
  const started = Date.now();
  const before = await procedureTotal(client, urls.approval);
  const codes: { code: string; enterpriseId: string }[] = [];
  await mapConcurrently(
    Array.from({ length: projects }, (_, index) => index),
    concurrency,
    async (index) => {
      const enterpriseId = `ENT-BENCH-${label}-${index}`;
      const registered = await client.callRepeatable(`${urls.intake}/projects`, 'POST', ADMIN, {
        name: `基准测试项目 ${label}-${index}`,
        ownerEnterprise: { id: enterpriseId, name: `基准企业 ${index}` },
        totalInvestment: '10',
        cluster: 'NEW_ENERGY_EQUIPMENT',
        chain: '新能源',
        type: 'NEW',
        location: '玉门市',
        plannedStart: '2026-12-31',
        responsibleUnit: '玉门市发展和改革局',
        helpers: [{ name: '基准帮办员', userId: `bench-helper-${index}` }],
        leadingOfficial: '王副市长',
        listedOn: daysAgo(90),
      });
      if (registered.status !== 201)
        throw new Error(`registering a project failed: ${registered.status} ${registered.text}`);
      const code = (JSON.parse(registered.text) as { code: string }).code;
      const plan = await client.callRepeatable(`${urls.intake}/projects/${code}/plan`, 'PUT', ADMIN, {
        items: PROCEDURE_CODES.map((procedure) => ({
          procedure,
          applicability: 'REQUIRED',
          targetDate: daysAgo(-30),
        })),
        reason: '基准测试',
        effectiveDate: daysAgo(80),
      });
      if (plan.status !== 200) throw new Error(`planning ${code} failed: ${plan.status} ${plan.text}`);
      codes.push({ code, enterpriseId });
    },
  );
  const planned = Date.now();
  const expected = before + projects * PROCEDURE_CODES.length;
  while ((await procedureTotal(client, urls.approval)) < expected) {
    if (Date.now() - planned > 600_000)
      throw new Error(`the approval service did not open the ${expected} procedures within 10 minutes`);
    await sleep(250);
  }
  const seconds = (Date.now() - started) / 1000;
  return {
    procedures: codes.flatMap(({ code, enterpriseId }) =>
      PROCEDURE_CODES.map((procedure) => ({
        procedureId: `${code}-${procedure}`,
        projectCode: code,
        department: PROCEDURE_CATALOGUE[procedure].department,
        enterpriseId,
      })),
    ),
    seconds,
    projectsPerSecond: projects / seconds,
    openingLagSeconds: (Date.now() - planned) / 1000,
  };
}

async function procedureTotal(client: BenchClient, approvalUrl: string): Promise<number> {
  const listed = await client.call(`${approvalUrl}/procedures?pageSize=1`, 'GET', ADMIN);
  if (listed.status !== 200) return 0;
  return (JSON.parse(listed.text) as { total: number }).total;
}
