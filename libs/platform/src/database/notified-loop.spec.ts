import { Logger } from '@nestjs/common';
import { listenForNotifications } from './notification-listener';
import { startNotifiedLoop, type NotifiedLoop, type NotifiedLoopOptions } from './notified-loop';

jest.mock('./notification-listener');

const listen = jest.mocked(listenForNotifications);

describe('the notified loop', () => {
  const logger = new Logger('test');
  let warn: jest.SpyInstance;
  let notify: () => void;
  let close: jest.Mock;
  let loop: NotifiedLoop | undefined;

  const options = (overrides: Partial<NotifiedLoopOptions> = {}): NotifiedLoopOptions => ({
    name: 'test loop',
    databaseUrl: 'postgres://test',
    channel: 'test_channel',
    pollMs: 1_000,
    logger,
    ...overrides,
  });

  beforeEach(() => {
    jest.useFakeTimers();
    warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    close = jest.fn(async () => undefined);
    listen.mockReset().mockImplementation(async (_url, _channel, onNotify) => {
      notify = onNotify;
      return { close };
    });
  });

  afterEach(async () => {
    await loop?.stop();
    loop = undefined;
    jest.useRealTimers();
  });

  it('listens on the channel and drains at once, on each NOTIFY, and every poll interval without one', async () => {
    const drain = jest.fn(async () => undefined);
    loop = await startNotifiedLoop(options(), drain);
    expect(listen).toHaveBeenCalledWith('postgres://test', 'test_channel', expect.any(Function), logger);
    await jest.advanceTimersByTimeAsync(0);
    expect(drain).toHaveBeenCalledTimes(1);
    notify();
    await jest.advanceTimersByTimeAsync(0);
    expect(drain).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(999);
    expect(drain).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(drain).toHaveBeenCalledTimes(3);
  });

  it('never overlaps drains: notifications during a drain bring one more drain after it', async () => {
    const finishers: (() => void)[] = [];
    let active = 0;
    let mostAtOnce = 0;
    const drain = jest.fn(async () => {
      mostAtOnce = Math.max(mostAtOnce, (active += 1));
      await new Promise<void>((resolve) => finishers.push(resolve));
      active -= 1;
    });
    loop = await startNotifiedLoop(options(), drain);
    await jest.advanceTimersByTimeAsync(0);
    notify();
    notify();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(drain).toHaveBeenCalledTimes(1);
    finishers.shift()!();
    await jest.advanceTimersByTimeAsync(0);
    expect(drain).toHaveBeenCalledTimes(2);
    finishers.shift()!();
    await jest.advanceTimersByTimeAsync(0);
    expect(drain).toHaveBeenCalledTimes(2);
    expect(mostAtOnce).toBe(1);
  });

  it('logs a failed drain and tries again after the retry delay, or at once when notified', async () => {
    const drain = jest
      .fn(async () => undefined)
      .mockRejectedValueOnce(new Error('database unavailable'))
      .mockRejectedValueOnce(new Error('still unavailable'));
    loop = await startNotifiedLoop(options({ retryAfterMs: (failures) => 100 * failures }), drain);
    await jest.advanceTimersByTimeAsync(0);
    expect(warn).toHaveBeenLastCalledWith(
      'test loop failed (attempt 1), retrying in 100 ms: database unavailable',
    );
    await jest.advanceTimersByTimeAsync(100);
    expect(warn).toHaveBeenLastCalledWith(
      'test loop failed (attempt 2), retrying in 200 ms: still unavailable',
    );
    notify();
    await jest.advanceTimersByTimeAsync(0);
    expect(drain).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(drain).toHaveBeenCalledTimes(4);
  });

  it('retries a failed drain after the poll interval unless told otherwise', async () => {
    const drain = jest.fn(async () => undefined).mockRejectedValueOnce(new Error('database unavailable'));
    loop = await startNotifiedLoop(options(), drain);
    await jest.advanceTimersByTimeAsync(999);
    expect(drain).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(drain).toHaveBeenCalledTimes(2);
  });

  it('stops after the drain in progress, then closes the listener', async () => {
    let finish: () => void = () => undefined;
    const drain = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const started = await startNotifiedLoop(options(), drain);
    await jest.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = started.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    expect(close).not.toHaveBeenCalled();
    finish();
    await stopping;
    expect(close).toHaveBeenCalledTimes(1);
    notify();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(drain).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
