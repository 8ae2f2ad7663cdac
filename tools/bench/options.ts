// Command-line options of `npm run bench`.
import { parseArgs } from 'node:util';

export const USAGE = `npm run bench -- [options]   (tools/bench/README.md, docs/performance.md)
  --quick                    about 6 minutes: 150/s for 40 s, 1,000 workflows, 200,000 events
  --duration <s>             seconds of each sustained-rate phase (300; quick 40)
  --rate <n,n,…>             sustained rates to try, actions/s (300; quick 150)
  --latency-seconds <s>      seconds of the 50/s latency phase (60; quick 20)
  --workflows <n>            accepted applications queued for the workflow start-up (10000; quick 1000)
  --history-rows <n>         events the board rebuild replays (1000000; quick 200000)
  --cpu-prof                 a V8 CPU profile of every service, in the log directory
  --sources                  the services from their TypeScript sources instead of the build
  --service-node-options <…> V8 flags for the services (default: docker-compose.yml's heap limits)
  --help                     this text
`;

export interface BenchOptions {
  /** Print the usage and do nothing else. */
  help: boolean;
  quick: boolean;
  /** Seconds of each sustained-rate phase. */
  duration: number;
  /** The sustained rates to try, in actions per second (the highest that passes is reported). */
  rates: number[];
  latencyRate: number;
  latencySeconds: number;
  rawSeconds: number;
  workflows: number;
  historyRows: number;
  /** Write a V8 CPU profile of every service process (into the log directory) when it stops. */
  cpuProfile: boolean;
  /** V8 flags for the service processes (NODE_OPTIONS); by default the heap limits docker-compose.yml sets. */
  serviceNodeOptions: string;
  /** Run the services from their TypeScript sources (register hook) instead of the compiled build. */
  fromSources: boolean;
  /** Lag must drain within this after the load stops for a rate to count as sustained. */
  lagLimitSeconds: number;
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number, got "${text}"`);
  return value;
}

export function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      sources: { type: 'boolean', default: false },
      'service-node-options': { type: 'string' },
      duration: { type: 'string' },
      rate: { type: 'string' },
      'latency-seconds': { type: 'string' },
      workflows: { type: 'string' },
      'history-rows': { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  return {
    help: values.help ?? false,
    quick,
    duration: positive('duration', values.duration ?? (quick ? '40' : '300')),
    rates: (values.rate ?? (quick ? '150' : '300')).split(',').map((rate) => positive('rate', rate)),
    latencyRate: 50,
    latencySeconds: positive('latency-seconds', values['latency-seconds'] ?? (quick ? '20' : '60')),
    rawSeconds: quick ? 3 : 10,
    workflows: positive('workflows', values.workflows ?? (quick ? '1000' : '10000')),
    historyRows: positive('history-rows', values['history-rows'] ?? (quick ? '200000' : '1000000')),
    cpuProfile: values['cpu-prof'] ?? false,
    fromSources: values.sources ?? false,
    serviceNodeOptions: values['service-node-options'] ?? '--max-semi-space-size=1 --max-old-space-size=192',
    lagLimitSeconds: 5,
  };
}
