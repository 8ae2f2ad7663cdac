// `npm run bench [-- --quick | --duration 300 --rate 200,300 --workflows 10000 --history-rows 1000000 --cpu-prof]`:
// starts PostgreSQL, Kafka, Temporal and the four services on throwaway ground, measures this
// machine's raw limits, drives approval actions through the real APIs, and prints a table of
// decision-to-board latency, sustained throughput (and its ratio to the raw limits), deadline
// workflow start-up at scale with timer lateness, board rebuild speed and memory; writes reports/bench.json.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { repoRoot } from '@banjie/local-infra';
import { SERVICES, startThrowawayStack, type ServiceName, type ThrowawayStack } from '@banjie/testing/stack';
import { ActionDriver } from './action-driver';
import { BoardStreamWatcher } from './board-stream';
import { synthesiseHistory, timeRebuild } from './board-rebuild';
import { secondsUntilNoLag } from './consumer-lag';
import { sampleCpu } from './cpu';
import {
  countDeadlineWorkflows,
  startTimerProbes,
  temporalClient,
  timeToWorkflowCounts,
} from './deadline-workflows';
import {
  PORTFOLIO_2023_PROCEDURES,
  type BenchFigures,
  type LatencyPhase,
  type RatePhase,
  type RawLimits,
  type SeedFigures,
  type WorkflowFigures,
} from './figures';
import { BenchClient } from './http-client';
import { rssOfServices, sampleRssPeaks } from './memory';
import { benchOptions, USAGE, type BenchOptions } from './options';
import { kafkaProduceRate, postgresCommitRate } from './raw-limits';
import { ms, table } from './report';
import { benchRows } from './rows';
import { seedProjects, type BenchProcedure } from './seed';
import { round } from './stats';

const PROCEDURES_PER_PROJECT = 11;
const ACTIONS_PER_PROCEDURE = 3;
const execFileAsync = promisify(execFile);

function say(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The throwaway stack and the clients the measurements use on it. */
interface Bench {
  stack: ThrowawayStack;
  /** The services' extra environment, for a restart. */
  serviceEnv: NodeJS.ProcessEnv;
  admin: Admin;
  temporal: Awaited<ReturnType<typeof temporalClient>>;
  client: BenchClient;
  urls: { intake: string; approval: string };
}

/** `npm run build` in its own process: the bench runs the compiled services unless `--sources`. */
async function buildServices(): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ['-r', '@swc-node/register', 'scripts/build.ts'], {
    cwd: repoRoot,
  });
  return stdout.trim();
}

function serviceEnvironment(options: BenchOptions, logs: string): NodeJS.ProcessEnv {
  const nodeOptions = [
    options.serviceNodeOptions,
    options.cpuProfile ? `-r ${join(__dirname, 'cpu-profile-preload.cjs')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    LOG_LEVEL: 'warn',
    BANJIE_COMPILED: options.fromSources ? '0' : '1',
    // Fewer glibc malloc arenas for the native threads (Temporal's core, libuv): ≈ 100 MB less RSS in the deadline service.
    MALLOC_ARENA_MAX: '2',
    // The bench's one stream watcher reads on loopback and times every card: it measures how soon a change
    // reaches the stream, so batches of any size go out as cards, not as `resync` (the public limits: docs/reliability.md).
    NOTICE_SSE_MAX_BUFFERED_BYTES: String(64 * 2 ** 20),
    NOTICE_SSE_REPLAY_MAX_BYTES: String(64 * 2 ** 20),
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    ...(options.cpuProfile ? { BENCH_CPU_PROFILE_DIR: join(logs, 'profiles') } : {}),
  };
}

/** Asks every service to write its CPU profile (see cpu-profile-preload.cjs). */
async function writeProfiles(stack: ThrowawayStack): Promise<void> {
  for (const { name } of SERVICES) {
    try {
      process.kill(stack.pidOf(name), 'SIGUSR2');
    } catch {
      // already gone
    }
  }
  await sleep(5_000);
}

function stopOnSignals(stack: ThrowawayStack, cpuProfile: boolean): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the throwaway stack`);
      void (cpuProfile ? writeProfiles(stack) : Promise.resolve())
        .then(() => stack.stop())
        .finally(() => process.exit(130));
    });
  }
}

async function startBench(options: BenchOptions, logs: string): Promise<Bench> {
  const serviceEnv = serviceEnvironment(options, logs);
  const stack = await startThrowawayStack(logs, serviceEnv);
  stopOnSignals(stack, options.cpuProfile);
  const kafka = new Kafka({
    clientId: 'banjie-bench',
    brokers: stack.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  return {
    stack,
    serviceEnv,
    admin: kafka.admin(),
    temporal: await temporalClient(stack.temporalAddress),
    client: new BenchClient(stack.env.JWT_SECRET!),
    urls: { intake: stack.urlOf('intake-service'), approval: stack.urlOf('approval-service') },
  };
}

async function stopBench(bench: Bench, options: BenchOptions): Promise<void> {
  if (options.cpuProfile) await writeProfiles(bench.stack);
  await bench.admin.disconnect().catch(() => undefined);
  await bench.temporal.close().catch(() => undefined);
  await bench.stack.stop();
}

async function measureRawLimits({ stack }: Bench, options: BenchOptions): Promise<RawLimits> {
  say('raw limits');
  return {
    postgres1: await postgresCommitRate(stack.databaseUrl, options.rawSeconds, 1),
    postgres16: await postgresCommitRate(stack.databaseUrl, options.rawSeconds, 16),
    kafka1: await kafkaProduceRate(stack.kafkaBrokers, options.rawSeconds, 1),
    kafka16: await kafkaProduceRate(stack.kafkaBrokers, options.rawSeconds, 16),
  };
}

/** Enough projects, planned and opened, for every action the latency and rate phases will send. */
async function seedLoad(
  bench: Bench,
  options: BenchOptions,
): Promise<{ figures: SeedFigures; procedures: BenchProcedure[] }> {
  const actionsNeeded =
    options.latencyRate * options.latencySeconds * 1.2 +
    options.rates.reduce((sum, rate) => sum + rate * options.duration * 1.1, 0);
  const projects = Math.ceil(actionsNeeded / ACTIONS_PER_PROCEDURE / PROCEDURES_PER_PROJECT);
  say(`seeding ${projects} projects`);
  const seed = await seedProjects(bench.client, bench.urls, projects, 'load');
  const seedDrain = await secondsUntilNoLag(bench.admin, Date.now(), 900);
  say(
    `seeded in ${round(seed.seconds)} s; every consumer caught up ${round(seedDrain.seconds ?? Number.NaN)} s later`,
  );
  return {
    figures: {
      projects,
      seconds: round(seed.seconds),
      consumersCaughtUpSeconds: seedDrain.seconds,
      projectsPerSecond: round(seed.projectsPerSecond),
      openingLagSeconds: round(seed.openingLagSeconds),
    },
    procedures: seed.procedures,
  };
}

async function measureLatency(
  bench: Bench,
  driver: ActionDriver,
  options: BenchOptions,
): Promise<LatencyPhase> {
  say(`latency at ${options.latencyRate} actions/s for ${options.latencySeconds} s`);
  const latency = await driver.run(options.latencyRate, options.latencySeconds);
  const lag = await secondsUntilNoLag(bench.admin, latency.stoppedAt, 120);
  return { ...latency, lagDrainSeconds: lag.seconds };
}

async function measureRate(
  bench: Bench,
  driver: ActionDriver,
  rate: number,
  options: BenchOptions,
): Promise<RatePhase> {
  say(`sustained rate ${rate} actions/s for ${options.duration} s`);
  const rss = sampleRssPeaks(bench.stack);
  const cpu = sampleCpu(bench.stack);
  const result = await driver.run(rate, options.duration);
  const lag = await secondsUntilNoLag(bench.admin, result.stoppedAt, 300);
  const cpuUse = cpu.stop();
  const rssPeakMb = rss.stop();
  const sustained =
    result.failed === 0 &&
    result.achievedPerSecond >= 0.95 * rate &&
    lag.seconds !== null &&
    lag.seconds <= options.lagLimitSeconds;
  say(
    `  achieved ${result.achievedPerSecond}/s, lag drained in ${lag.seconds === null ? '>300' : round(lag.seconds)} s, board ${ms(result.boardMs)}`,
  );
  return {
    rate: result,
    lagDrainSeconds: lag.seconds === null ? null : round(lag.seconds),
    lagAtLimit: lag.lastLag,
    sustained,
    rssPeakMb,
    cpu: cpuUse,
  };
}

/** Decision-to-board latency at a gentle rate, then each sustained rate, watching the public board's stream. */
async function measureActions(
  bench: Bench,
  options: BenchOptions,
  procedures: BenchProcedure[],
): Promise<{ latency: LatencyPhase; phases: RatePhase[] }> {
  const board = await BoardStreamWatcher.open(bench.stack.urlOf('notice-service'));
  const driver = new ActionDriver(bench.client, bench.urls.approval, board, procedures);
  const latency = await measureLatency(bench, driver, options);
  const phases: RatePhase[] = [];
  for (const rate of options.rates) phases.push(await measureRate(bench, driver, rate, options));
  board.close();
  return { latency, phases };
}

/** Submits and accepts `options.workflows` applications while the deadline service is down. */
async function queueAcceptedApplications(bench: Bench, options: BenchOptions) {
  say(
    `deadline workflows: ${options.workflows} accepted applications queued while the deadline service is down`,
  );
  const seed = await seedProjects(
    bench.client,
    bench.urls,
    Math.ceil(options.workflows / PROCEDURES_PER_PROJECT),
    'wf',
  );
  await bench.stack.kill('deadline-service');
  const driver = new ActionDriver(
    bench.client,
    bench.urls.approval,
    null,
    seed.procedures.slice(0, options.workflows),
    ['submit', 'accept'],
  );
  return driver.run(Math.max(...options.rates), Infinity);
}

/** Restarts the deadline service on the queued applications and times its workflow starts and timers. */
async function measureWorkflowStartup(bench: Bench, options: BenchOptions): Promise<WorkflowFigures> {
  const queued = await queueAcceptedApplications(bench, options);
  const baseline = await countDeadlineWorkflows(bench.temporal.client);
  const probes = await startTimerProbes(bench.stack.temporalAddress, bench.temporal.client, 50, 60);
  const restartAt = Date.now();
  let healthyAt = Number.NaN;
  const restarted = bench.stack.start('deadline-service', bench.serviceEnv).then(() => {
    healthyAt = Date.now();
    return sampleCpu(bench.stack);
  });
  const milestones = [PORTFOLIO_2023_PROCEDURES, queued.acceptsSucceeded].filter(
    (m) => m <= queued.acceptsSucceeded,
  );
  const secondsFromRestart = await timeToWorkflowCounts(
    bench.temporal.client,
    restartAt,
    baseline,
    milestones,
    900,
  );
  const cpu = (await restarted).stop();
  return {
    queued: queued.acceptsSucceeded,
    queueingRate: queued.achievedPerSecond,
    secondsFromRestart,
    bootSeconds: round((healthyAt - restartAt) / 1000),
    timerLatenessMs: await probes.lateness(),
    cpu,
  };
}

async function measureRebuild({ stack }: Bench, options: BenchOptions) {
  say(`board rebuild over ${options.historyRows} events`);
  const synthesiseSeconds = await synthesiseHistory(stack.databaseUrl, options.historyRows);
  return timeRebuild(stack.env, synthesiseSeconds);
}

/** Each service's highest RSS over the rate phases and after the workflow start-up. */
function rssPeaks(
  idle: Record<ServiceName, number>,
  phases: readonly RatePhase[],
  afterWorkflows: Record<ServiceName, number>,
): Record<ServiceName, number> {
  return Object.fromEntries(
    (Object.keys(idle) as ServiceName[]).map((name) => [
      name,
      Math.max(...phases.map((phase) => phase.rssPeakMb[name]), afterWorkflows[name]),
    ]),
  ) as Record<ServiceName, number>;
}

async function measure(bench: Bench, options: BenchOptions): Promise<BenchFigures> {
  await sleep(5_000);
  const rssIdle = rssOfServices(bench.stack);
  const raw = await measureRawLimits(bench, options);
  const seed = await seedLoad(bench, options);
  const { latency, phases } = await measureActions(bench, options, seed.procedures);
  const workflows = await measureWorkflowStartup(bench, options);
  const rssAfterWorkflows = rssOfServices(bench.stack);
  const rebuild = await measureRebuild(bench, options);
  return {
    raw,
    seed: seed.figures,
    latency,
    phases,
    workflows,
    rebuild,
    rss: { idle: rssIdle, peak: rssPeaks(rssIdle, phases, rssAfterWorkflows) },
  };
}

function report(figures: BenchFigures, options: BenchOptions): void {
  const rows = benchRows(figures, options);
  const document = { at: new Date().toISOString(), options, ...figures, rows };
  mkdirSync('reports', { recursive: true });
  writeFileSync(join('reports', 'bench.json'), `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`\n${table(rows)}\n\nwritten: reports/bench.json\n`);
}

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const logs = mkdtempSync(join(tmpdir(), 'banjie-bench-'));
  say(`options ${JSON.stringify(options)}; service logs in ${logs}`);
  if (!options.fromSources) say(await buildServices());
  const bootStarted = Date.now();
  const bench = await startBench(options, logs);
  try {
    await bench.admin.connect();
    say(`stack up in ${round((Date.now() - bootStarted) / 1000)} s`);
    report(await measure(bench, options), options);
  } finally {
    await stopBench(bench, options);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
