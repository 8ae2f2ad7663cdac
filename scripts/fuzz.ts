// `npm run fuzz [-- --requests 12000 --seed 1]`: starts every service on throwaway infrastructure,
// sends malformed requests, and well-formed extreme ones (far years, century edges, leap days, empty
// and century-long ranges), spread over every endpoint of every service (from their OpenAPI
// documents), and checks: no 5xx, no hang, no malformed command accepted, every refusal names the
// problem, no row changed anywhere. Writes reports/fuzz.json; exits 1 on any finding.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  badTokens,
  fuzzService,
  settledStateDigest,
  stateDigest,
  tokensForEveryRole,
  type FuzzReport,
} from '@banjie/testing';
import { PROCEDURE_CODES } from '@banjie/contracts';
import { issueToken } from '@banjie/platform';
import { SERVICES, startThrowawayStack, type ServiceName } from '@banjie/testing/stack';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '12000' }, seed: { type: 'string', default: '20230328' } },
});
const SCHEMAS = ['intake', 'approval', 'notice', 'deadline'];

async function seedOneProject(intakeUrl: string, secret: string): Promise<string> {
  const response = await fetch(`${intakeUrl}/projects`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${issueToken({ sub: 'fuzz-setup', role: 'admin' }, secret)}`,
    },
    body: JSON.stringify({
      name: '玉门抽水蓄能电站',
      ownerEnterprise: { id: 'ENT-FUZZ', name: '模糊测试企业' },
      totalInvestment: '102',
      cluster: 'NEW_ENERGY_EQUIPMENT',
      chain: '新能源',
      type: 'NEW',
      location: '玉门市',
      plannedStart: '2023-04-01',
      responsibleUnit: '玉门市发展和改革局',
      helpers: [{ name: '李明', userId: 'fuzz-helper' }],
      leadingOfficial: '王副市长',
      listedOn: '2023-01-05',
    }),
  });
  if (response.status !== 201)
    throw new Error(`could not register the fuzz project: ${response.status} ${await response.text()}`);
  const { code } = (await response.json()) as { code: string };
  const plan = await fetch(`${intakeUrl}/projects/${code}/plan`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${issueToken({ sub: 'fuzz-setup', role: 'admin' }, secret)}`,
    },
    body: JSON.stringify({
      items: PROCEDURE_CODES.map((procedure) => ({
        procedure,
        applicability: 'REQUIRED',
        targetDate: '2023-06-30',
      })),
      reason: '计划',
      effectiveDate: '2023-01-10',
    }),
  });
  if (plan.status !== 200)
    throw new Error(`could not plan the fuzz project: ${plan.status} ${await plan.text()}`);
  return code;
}

async function procedureIds(approvalUrl: string, code: string, secret: string): Promise<string[]> {
  for (let waited = 0; waited < 60_000; waited += 250) {
    const response = await fetch(`${approvalUrl}/projects/${code}/procedures`, {
      headers: { authorization: `Bearer ${issueToken({ sub: 'fuzz-setup', role: 'admin' }, secret)}` },
    });
    const procedures =
      response.status === 200 ? ((await response.json()) as { items: { procedureId: string }[] }).items : [];
    if (procedures.length === PROCEDURE_CODES.length)
      return procedures.map((procedure) => procedure.procedureId);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the approval service did not open ${code}'s procedures`);
}

/** The exit status: 0 when nothing was found and no row changed, 1 otherwise. */
async function main(): Promise<number> {
  const logs = join(tmpdir(), `banjie-fuzz-${Date.now()}`);
  const stack = await startThrowawayStack(logs);
  try {
    const code = await seedOneProject(stack.urlOf('intake-service'), stack.env.JWT_SECRET!);
    const knownParams: Record<string, string[]> = {
      code: [code],
      quarter: ['2023-Q1'],
      id: await procedureIds(stack.urlOf('approval-service'), code, stack.env.JWT_SECRET!),
    };
    const before = await settledStateDigest(stack.databaseUrl, SCHEMAS);
    const perService = Math.ceil(Number(values.requests) / SERVICES.length);
    const reports: FuzzReport[] = [];
    for (const { name } of SERVICES) {
      reports.push(
        await fuzzService(
          {
            service: name,
            baseUrl: stack.urlOf(name as ServiceName),
            knownParams,
            tokens: tokensForEveryRole(stack.env.JWT_SECRET),
            badTokens: badTokens(stack.env.JWT_SECRET),
          },
          { requests: perService, seed: Number(values.seed), concurrency: 16 },
        ),
      );
    }
    const after = await stateDigest(stack.databaseUrl, SCHEMAS);
    const changedTables = Object.keys({ ...before, ...after }).filter(
      (table) => before[table] !== after[table],
    );
    const status5xx = (report: FuzzReport) =>
      Object.entries(report.byStatus)
        .filter(([status]) => Number(status) >= 500)
        .reduce((sum, [, n]) => sum + n, 0);
    process.stdout.write('\nservice            operations  requests  5xx  findings  seconds\n');
    for (const report of reports) {
      process.stdout.write(
        `${report.service.padEnd(18)} ${String(report.operations).padStart(10)} ${String(report.requests).padStart(9)} ${String(status5xx(report)).padStart(4)} ${String(report.findings.length).padStart(9)} ${(report.durationMs / 1000).toFixed(1).padStart(8)}\n`,
      );
    }
    const total = reports.reduce((sum, report) => sum + report.requests, 0);
    const findings = reports.flatMap((report) =>
      report.findings.map((finding) => ({ service: report.service, ...finding })),
    );
    process.stdout.write(
      `\n${total} requests (malformed and extreme), ${findings.length} findings, tables changed: ${changedTables.length === 0 ? 'none' : changedTables.join(', ')}\n`,
    );
    for (const finding of findings.slice(0, 20))
      process.stdout.write(`  ${finding.service}: ${finding.problem} — ${finding.request}\n`);
    mkdirSync('reports', { recursive: true });
    writeFileSync(
      'reports/fuzz.json',
      JSON.stringify({ seed: Number(values.seed), total, changedTables, reports }, null, 2),
    );
    return findings.length === 0 && changedTables.length === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

// Exits explicitly: stopping the throwaway stack left the exit status 0 even after findings.
main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`fuzz: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
