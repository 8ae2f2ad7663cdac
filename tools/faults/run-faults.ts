// `npm run faults [-- --scenario <name>,… --projects 4 --rate 25]`: the fault-injection suite.
// Starts PostgreSQL, Kafka, Temporal and the four services on throwaway ground; for each scenario
// runs a steady stream of approval actions, injects the fault, measures the time until an action
// accepted after the fault reaches the public board, lets the stream finish, and reconciles every
// accepted action against every service's records. Prints a table, writes reports/faults.json,
// exits 1 if anything was lost or duplicated.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { Topics, deadLetterTopic } from '@banjie/contracts';
import { createKafkaClient, readDeadLetters } from '@banjie/platform';
import { preparedServiceEnvironment, startServices } from '@banjie/testing/stack';
import { ApprovalWorkload } from './approval-workload';
import { clean, converged, reconcile, type Reconciliation } from './reconcile';
import { startRestartableInfrastructure } from './restartable-infrastructure';
import { SCENARIOS, type FaultContext, type Scenario } from './scenarios';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    projects: { type: 'string', default: '4' },
    rate: { type: 'string', default: '25' },
  },
});

export interface ScenarioResult {
  scenario: string;
  description: string;
  actionsAccepted: number;
  actionsRetriedByClient: number;
  refusedUnexpectedly: number;
  refusals: { procedureId: string; action: string; status: number; body: string }[];
  recoverySeconds: number;
  convergedSeconds: number;
  deadLettered: number;
  reconciliation: Reconciliation;
  passed: boolean;
}

async function onBoard(databaseUrl: string, procedureId: string, sequence: number): Promise<boolean> {
  const db = new Client({ connectionString: databaseUrl });
  try {
    await db.connect();
    const { rowCount } = await db.query(
      `SELECT 1 FROM notice.procedure_history WHERE procedure_id = $1 AND sequence >= $2`,
      [procedureId, sequence],
    );
    return (rowCount ?? 0) > 0;
  } catch {
    return false;
  } finally {
    await db.end().catch(() => undefined);
  }
}

async function deadLetterCount(brokers: string): Promise<number> {
  const kafka = createKafkaClient('banjie-faults-dlq', [brokers]);
  return (await readDeadLetters(kafka, [deadLetterTopic(Topics.APPROVAL_PROCEDURE)]).catch(() => [])).length;
}

export async function runScenario(
  scenario: Scenario,
  context: FaultContext,
  projects: number,
  rate: number,
): Promise<ScenarioResult> {
  const { stack, infra } = context;
  const workload = new ApprovalWorkload({
    intakeUrl: stack.urlOf('intake-service'),
    approvalUrl: stack.urlOf('approval-service'),
    jwtSecret: stack.env.JWT_SECRET!,
    projects,
  });
  await workload.prepare();
  const deadLettersBefore = await deadLetterCount(infra.kafkaBrokers);
  const streaming = workload.start(rate);
  await sleep(1_500);
  const faultAt = Date.now();
  await scenario.inject(context);
  let recoveredAt = Number.NaN;
  for (;;) {
    const after = workload.accepted.find((action) => action.acceptedAt > faultAt);
    if (after && (await onBoard(infra.databaseUrl, after.procedureId, after.sequence))) {
      recoveredAt = Date.now();
      break;
    }
    if (Date.now() - faultAt > 180_000) break;
    await sleep(100);
  }
  await streaming;
  let reconciliation = await reconcile(infra.databaseUrl, workload.accepted);
  const convergeStarted = Date.now();
  while (!converged(reconciliation) && Date.now() - convergeStarted < 120_000) {
    await sleep(500);
    reconciliation = await reconcile(infra.databaseUrl, workload.accepted);
  }
  const convergedSeconds = (Date.now() - faultAt) / 1000;
  const deadLettered = (await deadLetterCount(infra.kafkaBrokers)) - deadLettersBefore;
  return {
    scenario: scenario.name,
    description: scenario.description,
    actionsAccepted: workload.accepted.length,
    actionsRetriedByClient: workload.accepted.filter((action) => action.attempts > 1).length,
    refusedUnexpectedly: workload.refused.length,
    refusals: workload.refused.slice(0, 5),
    recoverySeconds: (recoveredAt - faultAt) / 1000,
    convergedSeconds,
    deadLettered,
    reconciliation,
    passed: clean(reconciliation) && workload.refused.length === 0 && Number.isFinite(recoveredAt),
  };
}

function printTable(results: ScenarioResult[]): void {
  const header =
    'scenario                        accepted  retried  lost  dup  recovery s  converged s  DLQ  result';
  process.stdout.write(`\n${header}\n`);
  for (const r of results) {
    const lost =
      r.reconciliation.lostInApproval +
      r.reconciliation.behindOnBoard +
      r.reconciliation.behindInDeadline +
      r.reconciliation.behindInIntake +
      r.reconciliation.unpublishedEvents +
      r.reconciliation.eventsNotProcessed;
    const duplicated =
      r.reconciliation.duplicatedInAudit +
      r.reconciliation.duplicatedEvents +
      r.reconciliation.duplicatedNotices;
    process.stdout.write(
      `${r.scenario.padEnd(31)} ${String(r.actionsAccepted).padStart(8)} ${String(r.actionsRetriedByClient).padStart(8)} ${String(lost).padStart(5)} ${String(duplicated).padStart(4)} ${r.recoverySeconds.toFixed(2).padStart(11)} ${r.convergedSeconds.toFixed(2).padStart(12)} ${String(r.deadLettered).padStart(4)}  ${r.passed ? 'ok' : 'FAILED'}\n`,
    );
  }
}

async function main(): Promise<void> {
  const wanted = values.scenario?.split(',');
  const scenarios = wanted ? SCENARIOS.filter((scenario) => wanted.includes(scenario.name)) : SCENARIOS;
  if (wanted && scenarios.length !== wanted.length)
    throw new Error(`unknown scenario; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const infra = await startRestartableInfrastructure();
  const logs = join(tmpdir(), `banjie-faults-${Date.now()}`);
  const results: ScenarioResult[] = [];
  try {
    const stack = await startServices(await preparedServiceEnvironment(infra), logs);
    try {
      for (const scenario of scenarios) {
        process.stdout.write(`${scenario.name}: ${scenario.description} …\n`);
        results.push(
          await runScenario(scenario, { stack, infra }, Number(values.projects), Number(values.rate)),
        );
      }
    } finally {
      await stack.stop();
    }
  } finally {
    await infra.stop();
  }
  printTable(results);
  mkdirSync('reports', { recursive: true });
  writeFileSync(
    'reports/faults.json',
    JSON.stringify({ ranAt: new Date().toISOString(), logs, results }, null, 2),
  );
  process.stdout.write(`\nlogs: ${logs}\n`);
  process.exitCode = results.every((result) => result.passed) ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`faults: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
