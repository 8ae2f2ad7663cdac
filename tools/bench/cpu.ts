// CPU time spent by each service process and by the whole machine over a phase, from /proc.
import { readFileSync } from 'node:fs';
import { SERVICES, type ServiceName, type ServiceStack } from '@banjie/testing/stack';

/** USER_HZ: the unit of /proc's CPU times on Linux. */
const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function machineBusySeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}

export interface CpuUse {
  /** CPU seconds of each service process. */
  services: Record<ServiceName, number>;
  /** CPU seconds of everything else on the machine: PostgreSQL, Kafka, Temporal, the load generator, other tenants. */
  rest: number;
  wallSeconds: number;
}

/** Starts counting; `stop()` returns what was spent since (a service restarted meanwhile counts from its new start). */
export function sampleCpu(stack: ServiceStack): { stop(): CpuUse } {
  const servicesAt = (): Record<ServiceName, number> =>
    Object.fromEntries(SERVICES.map(({ name }) => [name, processCpuSeconds(stack.pidOf(name))])) as Record<
      ServiceName,
      number
    >;
  const started = { services: servicesAt(), machine: machineBusySeconds(), at: Date.now() };
  return {
    stop() {
      const now = servicesAt();
      const services = Object.fromEntries(
        SERVICES.map(({ name }) => [name, now[name] - started.services[name]]),
      ) as Record<ServiceName, number>;
      const servicesTotal = Object.values(services).reduce((sum, seconds) => sum + seconds, 0);
      return {
        services,
        rest: machineBusySeconds() - started.machine - servicesTotal,
        wallSeconds: (Date.now() - started.at) / 1000,
      };
    },
  };
}

/** "approval 4.1 · notice 2.0 · … · rest 6.3 ms per action; 1.71 cores busy". */
export function cpuPer(use: CpuUse, count: number, unit: string): string {
  const perUnit = (seconds: number) => ((seconds * 1000) / count).toFixed(1);
  const parts = [
    ...Object.entries(use.services).map(
      ([name, seconds]) => `${name.replace(/-service$/, '')} ${perUnit(seconds)}`,
    ),
    `rest ${perUnit(use.rest)}`,
  ];
  const busy =
    (Object.values(use.services).reduce((sum, seconds) => sum + seconds, 0) + use.rest) / use.wallSeconds;
  return `${parts.join(' · ')} ms per ${unit}; ${busy.toFixed(2)} cores busy`;
}
