// The bench's findings as table rows: each measurement with its figure, its goal and whether it was met.
import type { BenchOptions } from './options';
import { cpuPer } from './cpu';
import { PORTFOLIO_2023_PROCEDURES, type BenchFigures } from './figures';
import { ms, type Row } from './report';
import { round } from './stats';

function latencyRows({ latency, phases }: BenchFigures, options: BenchOptions): Row[] {
  return [
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
  ];
}

function throughputRows({ phases }: BenchFigures, options: BenchOptions): Row[] {
  return [
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
  ];
}

/** The highest sustained rate's achieved throughput, as a share of the raw PostgreSQL and Kafka limits. */
function rawLimitRows({ raw, phases }: BenchFigures): Row[] {
  const best = [...phases]
    .filter((phase) => phase.sustained)
    .sort((a, b) => b.rate.targetPerSecond - a.rate.targetPerSecond)[0];
  const top = phases[phases.length - 1]!;
  const bestRate = best?.rate.achievedPerSecond ?? null;
  const ratio = (rate: number | null, limit: number) => (rate === null ? null : round(rate / limit, 2));
  return [
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
  ];
}

function startsPerSecond(count: number, seconds: number | null | undefined, bootSeconds: number): string {
  return seconds == null ? 'n/a' : String(Math.round(count / Math.max(seconds - bootSeconds, 0.001)));
}

function workflowRows({ workflows }: BenchFigures): Row[] {
  const { queued, secondsFromRestart, bootSeconds } = workflows;
  return [
    {
      measurement: `4. workflows started, 2023 portfolio scale (${PORTFOLIO_2023_PROCEDURES})`,
      figure: `${secondsFromRestart[PORTFOLIO_2023_PROCEDURES] ?? 'n/a'} s from restart`,
      goal: '',
      met: null,
    },
    {
      measurement: `4. workflows started, ${queued} procedures`,
      figure: `${secondsFromRestart[queued] ?? '>900'} s from restart (service healthy after ${bootSeconds} s; ${startsPerSecond(queued, secondsFromRestart[queued], bootSeconds)} starts/s after boot)`,
      goal: '10,000 within 120 s',
      met: queued >= 10_000 ? (secondsFromRestart[queued] ?? Infinity) <= 120 : null,
    },
    {
      measurement: '4. CPU per workflow start (from boot)',
      figure: cpuPer(workflows.cpu, queued, 'workflow'),
      goal: '',
      met: null,
    },
    {
      measurement: '4. timer lateness under that load',
      figure: ms(workflows.timerLatenessMs),
      goal: '',
      met: null,
    },
  ];
}

function rebuildRows({ rebuild }: BenchFigures): Row[] {
  return [
    {
      measurement: `5. board rebuild, ${rebuild.events} events / ${rebuild.projects} projects`,
      figure: `${rebuild.eventsPerSecond} events/s (${rebuild.rebuildSeconds} s)`,
      goal: '≥ 20,000 events/s',
      met: rebuild.eventsPerSecond >= 20_000,
    },
  ];
}

function memoryRows({ rss }: BenchFigures): Row[] {
  return (Object.keys(rss.idle) as (keyof typeof rss.idle)[]).map((name) => ({
    measurement: `6. RSS ${name} idle / peak under load`,
    figure: `${rss.idle[name]} / ${rss.peak[name]} MB`,
    goal: '< 200 MB',
    met: rss.peak[name] < 200,
  }));
}

export function benchRows(figures: BenchFigures, options: BenchOptions): Row[] {
  return [
    ...latencyRows(figures, options),
    ...throughputRows(figures, options),
    ...rawLimitRows(figures),
    ...workflowRows(figures),
    ...rebuildRows(figures),
    ...memoryRows(figures),
  ];
}
