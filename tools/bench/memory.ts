// Resident set size of the service processes, from /proc.
import { readFileSync } from 'node:fs';
import { SERVICES, type ServiceName, type ServiceStack } from '@banjie/testing/stack';

export function rssMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

export function rssOfServices(stack: ServiceStack): Record<ServiceName, number> {
  return Object.fromEntries(SERVICES.map(({ name }) => [name, rssMegabytes(stack.pidOf(name))])) as Record<
    ServiceName,
    number
  >;
}

/** Samples every service's RSS once a second; `stop()` returns the peak of each. */
export function sampleRssPeaks(stack: ServiceStack): { stop(): Record<ServiceName, number> } {
  const peaks = rssOfServices(stack);
  const timer = setInterval(() => {
    for (const [name, value] of Object.entries(rssOfServices(stack)) as [ServiceName, number][])
      peaks[name] = Math.max(peaks[name], value);
  }, 1000);
  return {
    stop() {
      clearInterval(timer);
      return { ...peaks };
    },
  };
}
