// `npm run bench [-- --quick | --duration 300 --rate 200,300 --workflows 10000 --history-rows 1000000 --cpu-prof]`:
// starts PostgreSQL, Kafka, Temporal and the four services on throwaway ground, measures this
// machine's raw limits, drives approval actions through the real APIs, and prints a table of
// decision-to-board latency, sustained throughput (and its ratio to the raw limits), deadline
// workflow start-up at scale with timer lateness, board rebuild speed and memory; writes reports/bench.json.
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { buildDist } from '../../scripts/build';
import { SERVICES, startThrowawayStack, type ServiceName, type ServiceStack } from '@banjie/testing/stack';
import { ActionDriver, type PhaseResult } from './action-driver';
import { BoardStreamWatcher } from './board-stream';
import { synthesiseHistory, timeRebuild } from './board-rebuild';
import { secondsUntilNoLag } from './consumer-lag';
import {
  countDeadlineWorkflows,
  startTimerProbes,
  temporalClient,
  timeToWorkflowCounts,
} from './deadline-workflows';
import { BenchClient } from './http-client';
import { cpuPer, sampleCpu, type CpuUse } from './cpu';
import { rssOfServices, sampleRssPeaks } from './memory';
import { benchOptions } from './options';
import { kafkaProduceRate, postgresCommitRate } from './raw-limits';
import { ms, table, type Row } from './report';
import { seedProjects } from './seed';
import { round } from './stats';

const PORTFOLIO_2023_PROCEDURES = 127 * 11;
const PROCEDURES_PER_PROJECT = 11;
const ACTIONS_PER_PROCEDURE = 3;

function say(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

interface RatePhase {
  rate: PhaseResult;
  lagDrainSeconds: number | null;
  lagAtLimit: Record<string, number>;
  sustained: boolean;
  rssPeakMb: Record<ServiceName, number>;
  cpu: CpuUse;
}

/** Asks every service to write its CPU profile (see cpu-profile-preload.cjs). */
async function writeProfiles(stack: ServiceStack): Promise<void> {
  for (const { name } of SERVICES) {
    try {
      process.kill(stack.pidOf(name), 'SIGUSR2');
    } catch {
      // already gone
    }
  }
  await sleep(5_000);
}

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  const logs = mkdtempSync(join(tmpdir(), 'banjie-bench-'));
  say(`options ${JSON.stringify(options)}; service logs in ${logs}`);
  if (!options.fromSources) say(await buildDist());
  const bootStarted = Date.now();
  const nodeOptions = [
    options.serviceNodeOptions,
    options.cpuProfile ? `-r ${join(__dirname, 'cpu-profile-preload.cjs')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const serviceEnv = {
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
  const stack = await startThrowawayStack(logs, serviceEnv);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the throwaway stack`);
      void (options.cpuProfile ? writeProfiles(stack) : Promise.resolve())
        .then(() => stack.stop())
        .finally(() => process.exit(130));
    });
  }
  const kafka = new Kafka({
    clientId: 'banjie-bench',
    brokers: stack.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const temporal = await temporalClient(stack.temporalAddress);
  try {
    await admin.connect();
    say(`stack up in ${round((Date.now() - bootStarted) / 1000)} s`);
    await sleep(5_000);
    const rssIdle = rssOfServices(stack);

    say('raw limits');
    const raw = {
      postgres1: await postgresCommitRate(stack.databaseUrl, options.rawSeconds, 1),
      postgres16: await postgresCommitRate(stack.databaseUrl, options.rawSeconds, 16),
      kafka1: await kafkaProduceRate(stack.kafkaBrokers, options.rawSeconds, 1),
      kafka16: await kafkaProduceRate(stack.kafkaBrokers, options.rawSeconds, 16),
    };

    const client = new BenchClient(stack.env.JWT_SECRET!);
    const urls = { intake: stack.urlOf('intake-service'), approval: stack.urlOf('approval-service') };
    const actionsNeeded =
      options.latencyRate * options.latencySeconds * 1.2 +
      options.rates.reduce((sum, rate) => sum + rate * options.duration * 1.1, 0);
    const projects = Math.ceil(actionsNeeded / ACTIONS_PER_PROCEDURE / PROCEDURES_PER_PROJECT);
    say(`seeding ${projects} projects`);
    const seed = await seedProjects(client, urls, projects, 'load');
    const seedDrain = await secondsUntilNoLag(admin, Date.now(), 900);
    say(
      `seeded in ${round(seed.seconds)} s; every consumer caught up ${round(seedDrain.seconds ?? Number.NaN)} s later`,
    );

    const board = await BoardStreamWatcher.open(stack.urlOf('notice-service'));
    const driver = new ActionDriver(client, urls.approval, board, seed.procedures);

    say(`latency at ${options.latencyRate} actions/s for ${options.latencySeconds} s`);
    const latency = await driver.run(options.latencyRate, options.latencySeconds);
    const latencyLag = await secondsUntilNoLag(admin, latency.stoppedAt, 120);

    const phases: RatePhase[] = [];
    for (const rate of options.rates) {
      say(`sustained rate ${rate} actions/s for ${options.duration} s`);
      const rss = sampleRssPeaks(stack);
      const cpu = sampleCpu(stack);
      const result = await driver.run(rate, options.duration);
      const lag = await secondsUntilNoLag(admin, result.stoppedAt, 300);
      const cpuUse = cpu.stop();
      const rssPeakMb = rss.stop();
      const sustained =
        result.failed === 0 &&
        result.achievedPerSecond >= 0.95 * rate &&
        lag.seconds !== null &&
        lag.seconds <= options.lagLimitSeconds;
      phases.push({
        rate: result,
        lagDrainSeconds: lag.seconds === null ? null : round(lag.seconds),
        lagAtLimit: lag.lastLag,
        sustained,
        rssPeakMb,
        cpu: cpuUse,
      });
      say(
        `  achieved ${result.achievedPerSecond}/s, lag drained in ${lag.seconds === null ? '>300' : round(lag.seconds)} s, board ${ms(result.boardMs)}`,
      );
    }
    board.close();

    say(
      `deadline workflows: ${options.workflows} accepted applications queued while the deadline service is down`,
    );
    const wfSeed = await seedProjects(
      client,
      urls,
      Math.ceil(options.workflows / PROCEDURES_PER_PROJECT),
      'wf',
    );
    await stack.kill('deadline-service');
    const wfDriver = new ActionDriver(
      client,
      urls.approval,
      null,
      wfSeed.procedures.slice(0, options.workflows),
      ['submit', 'accept'],
    );
    const queued = await wfDriver.run(Math.max(...options.rates), Infinity);
    const baseline = await countDeadlineWorkflows(temporal.client);
    const probes = await startTimerProbes(stack.temporalAddress, temporal.client, 50, 60);
    const restartAt = Date.now();
    let healthyAt = Number.NaN;
    const restarted = stack.start('deadline-service', serviceEnv).then(() => {
      healthyAt = Date.now();
      return sampleCpu(stack);
    });
    const milestones = [PORTFOLIO_2023_PROCEDURES, queued.acceptsSucceeded].filter(
      (m) => m <= queued.acceptsSucceeded,
    );
    const workflowSeconds = await timeToWorkflowCounts(temporal.client, restartAt, baseline, milestones, 900);
    const workflowCpu = (await restarted).stop();
    const bootSeconds = round((healthyAt - restartAt) / 1000);
    const timerLateness = await probes.lateness();
    const rssAfterWorkflows = rssOfServices(stack);

    say(`board rebuild over ${options.historyRows} events`);
    const synthesiseSeconds = await synthesiseHistory(stack.databaseUrl, options.historyRows);
    const rebuild = await timeRebuild(stack.env, synthesiseSeconds);

    const best = [...phases]
      .filter((phase) => phase.sustained)
      .sort((a, b) => b.rate.targetPerSecond - a.rate.targetPerSecond)[0];
    const top = phases[phases.length - 1]!;
    const bestRate = best?.rate.achievedPerSecond ?? null;
    const rssPeak = Object.fromEntries(
      Object.keys(rssIdle).map((name) => [
        name,
        Math.max(
          ...phases.map((p) => p.rssPeakMb[name as ServiceName]),
          rssAfterWorkflows[name as ServiceName],
        ),
      ]),
    ) as Record<ServiceName, number>;
    const ratio = (rate: number | null, limit: number) => (rate === null ? null : round(rate / limit, 2));
    const rows: Row[] = [
      {
        measurement: `1. decision→board at ${options.latencyRate}/s`,
        figure: ms(latency.boardMs),
        goal: 'p99 ≤ 250 ms',
        met: latency.boardMs.p99 !== null && latency.boardMs.p99 <= 250 && latency.neverOnBoard === 0,
      },
      ...phases.map((phase) => ({
        measurement: `1. decision→board at ${phase.rate.targetPerSecond}/s`,
        figure: ms(phase.rate.boardMs),
        goal: '(reported)',
        met: null,
      })),
      ...phases.map((phase) => ({
        measurement: `2. sustained ${phase.rate.targetPerSecond}/s for ${options.duration} s`,
        figure: `achieved ${phase.rate.achievedPerSecond}/s, ${phase.rate.failed} failed, lag 0 after ${phase.lagDrainSeconds ?? '>300'} s, API ${ms(phase.rate.apiMs)}`,
        goal: '≥ 300/s, lag 0 within 5 s',
        met: phase.sustained && phase.rate.targetPerSecond >= 300,
      })),
      ...phases.map((phase) => ({
        measurement: `2. CPU at ${phase.rate.targetPerSecond}/s (load and drain)`,
        figure: cpuPer(phase.cpu, phase.rate.succeeded, 'action'),
        goal: '',
        met: null,
      })),
      {
        measurement: '3. raw PG commits/s (1 / 16 clients)',
        figure: `${Math.round(raw.postgres1.perSecond)} / ${Math.round(raw.postgres16.perSecond)}`,
        goal: '',
        met: null,
      },
      {
        measurement: '3. raw kafkajs produce/s (1 / 16 in flight)',
        figure: `${Math.round(raw.kafka1.perSecond)} / ${Math.round(raw.kafka16.perSecond)}`,
        goal: '',
        met: null,
      },
      {
        measurement: '3. Banjie sustained ÷ raw PG (1 / 16)',
        figure: `${ratio(bestRate, raw.postgres1.perSecond) ?? 'n/a'} / ${ratio(bestRate, raw.postgres16.perSecond) ?? 'n/a'} (best sustained ${bestRate ?? 'none'}/s; top phase ${top.rate.achievedPerSecond}/s)`,
        goal: '≥ 0.3',
        met: bestRate !== null && bestRate / raw.postgres16.perSecond >= 0.3,
      },
      {
        measurement: '3. Banjie sustained ÷ raw Kafka (1 / 16)',
        figure: `${ratio(bestRate, raw.kafka1.perSecond) ?? 'n/a'} / ${ratio(bestRate, raw.kafka16.perSecond) ?? 'n/a'}`,
        goal: '',
        met: null,
      },
      {
        measurement: `4. workflows started, 2023 portfolio scale (${PORTFOLIO_2023_PROCEDURES})`,
        figure: `${workflowSeconds[PORTFOLIO_2023_PROCEDURES] ?? 'n/a'} s from restart`,
        goal: '',
        met: null,
      },
      {
        measurement: `4. workflows started, ${queued.acceptsSucceeded} procedures`,
        figure: `${workflowSeconds[queued.acceptsSucceeded] ?? '>900'} s from restart (service healthy after ${bootSeconds} s; ${startsPerSecond(queued.acceptsSucceeded, workflowSeconds[queued.acceptsSucceeded], bootSeconds)} starts/s after boot)`,
        goal: '10,000 within 120 s',
        met:
          queued.acceptsSucceeded >= 10_000
            ? (workflowSeconds[queued.acceptsSucceeded] ?? Infinity) <= 120
            : null,
      },
      {
        measurement: '4. CPU per workflow start (from boot)',
        figure: cpuPer(workflowCpu, queued.acceptsSucceeded, 'workflow'),
        goal: '',
        met: null,
      },
      { measurement: '4. timer lateness under that load', figure: ms(timerLateness), goal: '', met: null },
      {
        measurement: `5. board rebuild, ${rebuild.events} events / ${rebuild.projects} projects`,
        figure: `${rebuild.eventsPerSecond} events/s (${rebuild.rebuildSeconds} s)`,
        goal: '≥ 20,000 events/s',
        met: rebuild.eventsPerSecond >= 20_000,
      },
      ...Object.keys(rssIdle).map((name) => ({
        measurement: `6. RSS ${name} idle / peak under load`,
        figure: `${rssIdle[name as ServiceName]} / ${rssPeak[name as ServiceName]} MB`,
        goal: '< 200 MB',
        met: rssPeak[name as ServiceName] < 200,
      })),
    ];
    const report = {
      at: new Date().toISOString(),
      options,
      raw,
      seed: {
        projects,
        seconds: round(seed.seconds),
        consumersCaughtUpSeconds: seedDrain.seconds,
        projectsPerSecond: round(seed.projectsPerSecond),
        openingLagSeconds: round(seed.openingLagSeconds),
      },
      latency: { ...latency, lagDrainSeconds: latencyLag.seconds },
      phases,
      workflows: {
        queued: queued.acceptsSucceeded,
        queueingRate: queued.achievedPerSecond,
        secondsFromRestart: workflowSeconds,
        bootSeconds,
        timerLatenessMs: timerLateness,
        cpu: workflowCpu,
      },
      rebuild,
      rss: { idle: rssIdle, peak: rssPeak },
      rows,
    };
    mkdirSync('reports', { recursive: true });
    writeFileSync(join('reports', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\n${table(rows)}\n\nwritten: reports/bench.json\n`);
  } finally {
    if (options.cpuProfile) await writeProfiles(stack);
    await admin.disconnect().catch(() => undefined);
    await temporal.close().catch(() => undefined);
    await stack.stop();
  }
}

function startsPerSecond(count: number, seconds: number | null | undefined, bootSeconds: number): string {
  return seconds == null ? 'n/a' : String(Math.round(count / Math.max(seconds - bootSeconds, 0.001)));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
