import type { ServiceName } from './services';
import { superviseServices } from './service-supervisor';

/** A stack whose processes die when the test says so; `start` succeeds unless told to fail. */
function fakeStack() {
  const deaths = new Map<ServiceName, (how: string) => void>();
  const lives = new Map<ServiceName, Promise<string>>();
  const born = (service: ServiceName) =>
    lives.set(service, new Promise((resolve) => deaths.set(service, resolve)));
  const starts: ServiceName[] = [];
  let failNextStart = false;
  const stack = {
    start: jest.fn(async (service: ServiceName) => {
      starts.push(service);
      born(service);
      if (failNextStart) {
        failNextStart = false;
        throw new Error(`${service} exited (code 1)`);
      }
    }),
    exited: (service: ServiceName) => lives.get(service)!,
    kill: jest.fn(async (service: ServiceName) => deaths.get(service)!('SIGKILL')),
    logOf: (service: ServiceName) => `/logs/${service}.log`,
  };
  for (const service of ['intake-service', 'approval-service', 'notice-service', 'deadline-service'] as const)
    born(service);
  return {
    stack,
    starts,
    die: (service: ServiceName, how = 'code 1') => deaths.get(service)!(how),
    failNextStart: () => (failNextStart = true),
  };
}

const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 200) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('superviseServices (npm start)', () => {
  const policy = { initialDelayMs: 10, maxDelayMs: 40, stableAfterMs: 60_000 };

  it('reports a service that died and starts it again, leaving the others alone', async () => {
    const { stack, starts, die } = fakeStack();
    const lines: string[] = [];
    const supervision = superviseServices(stack, (line) => lines.push(line), policy);
    die('notice-service', 'SIGKILL');
    await until(() => lines.length === 2);
    supervision.stop();
    expect(starts).toEqual(['notice-service']);
    expect(lines).toEqual([
      'launcher: notice-service died (SIGKILL); restart 1 in 0.01 s — see /logs/notice-service.log',
      'launcher: notice-service restarted and healthy',
    ]);
  });

  it('keeps trying with a growing wait when the restart fails', async () => {
    const { stack, starts, die, failNextStart } = fakeStack();
    const lines: string[] = [];
    const supervision = superviseServices(stack, (line) => lines.push(line), policy);
    failNextStart();
    die('deadline-service');
    await until(() => lines.some((line) => line.endsWith('restarted and healthy')));
    supervision.stop();
    expect(starts).toEqual(['deadline-service', 'deadline-service']);
    expect(stack.kill).toHaveBeenCalledWith('deadline-service');
    expect(lines).toEqual([
      'launcher: deadline-service died (code 1); restart 1 in 0.01 s — see /logs/deadline-service.log',
      'launcher: deadline-service did not come back: deadline-service exited (code 1)',
      'launcher: deadline-service died (SIGKILL); restart 2 in 0.02 s — see /logs/deadline-service.log',
      'launcher: deadline-service restarted and healthy',
    ]);
  });

  it('restarts nothing once stopped (Ctrl-C stops the services on purpose)', async () => {
    const { stack, die } = fakeStack();
    const supervision = superviseServices(stack, () => undefined, policy);
    supervision.stop();
    die('intake-service');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stack.start).not.toHaveBeenCalled();
  });
});
