// `npm start` keeps its services running: one that dies is reported on the launcher's console and
// started again after a bounded back-off, while the others keep running.
import { setTimeout as sleep } from 'node:timers/promises';
import { RestartBackoff, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy';
import type { ServiceStack } from './service-stack';
import { SERVICES, type ServiceName } from './services';

export interface Supervision {
  /** Stops watching (before the services are stopped on purpose). */
  stop(): void;
}

export function superviseServices(
  stack: Pick<ServiceStack, 'start' | 'exited' | 'kill' | 'logOf'>,
  log: (line: string) => void,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): Supervision {
  let stopping = false;
  const watch = async (service: ServiceName) => {
    const backoff = new RestartBackoff(policy);
    let startedAt = Date.now();
    for (;;) {
      const how = await stack.exited(service);
      if (stopping) return;
      const { delayMs, attempt } = backoff.next(Date.now() - startedAt);
      log(
        `launcher: ${service} died (${how}); restart ${attempt} in ${delayMs / 1000} s — see ${stack.logOf(service)}`,
      );
      await sleep(delayMs);
      if (stopping) return;
      startedAt = Date.now();
      try {
        await stack.start(service);
        log(`launcher: ${service} restarted and healthy`);
      } catch (error) {
        if (stopping) return;
        log(`launcher: ${service} did not come back: ${(error as Error).message}`);
        await stack.kill(service);
      }
    }
  };
  for (const { name } of SERVICES) void watch(name);
  return {
    stop: () => {
      stopping = true;
    },
  };
}
