import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

/** A run that finishes when the test says so. */
function controllableWork() {
  const finishers: (() => void)[] = [];
  let active = 0;
  let mostAtOnce = 0;
  const work = jest.fn(async () => {
    active += 1;
    mostAtOnce = Math.max(mostAtOnce, active);
    await new Promise<void>((resolve) => finishers.push(resolve));
    active -= 1;
  });
  return {
    work,
    finishRun: () => finishers.shift()!(),
    mostAtOnce: () => mostAtOnce,
  };
}

describe('PeriodicTask', () => {
  const logger = new Logger('test');
  let warn: jest.SpyInstance;
  let task: PeriodicTask | undefined;

  beforeEach(() => {
    jest.useFakeTimers();
    warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await task?.stop();
    jest.useRealTimers();
  });

  it('runs at once, then every interval', async () => {
    const work = jest.fn(async () => undefined);
    task = new PeriodicTask('ticker', 1_000, work, logger);
    task.start();
    expect(work).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(work).toHaveBeenCalledTimes(4);
  });

  it('never starts a run while one is in progress: the ticks meanwhile are skipped', async () => {
    const { work, finishRun, mostAtOnce } = controllableWork();
    task = new PeriodicTask('slow', 1_000, work, logger);
    task.start();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(work).toHaveBeenCalledTimes(1);
    finishRun();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(work).toHaveBeenCalledTimes(2);
    finishRun();
    expect(mostAtOnce()).toBe(1);
  });

  it('logs a failed run and runs again at the next tick', async () => {
    const work = jest.fn(async () => undefined).mockRejectedValueOnce(new Error('database unavailable'));
    task = new PeriodicTask('flaky', 1_000, work, logger);
    task.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(warn).toHaveBeenCalledWith('flaky failed: database unavailable');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('stops ticking, and stop() waits for the run in progress', async () => {
    const { work, finishRun } = controllableWork();
    task = new PeriodicTask('stoppable', 1_000, work, logger);
    task.start();
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finishRun();
    await stopping;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
