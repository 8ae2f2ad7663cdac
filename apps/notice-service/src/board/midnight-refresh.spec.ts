import { Logger } from '@nestjs/common';
import { systemClock } from '../clock/clock';
import type { BoardUpdater } from './board-updater.service';
import { MidnightRefresh } from './midnight-refresh';

describe('the midnight refresh', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  let refreshAll: jest.Mock<Promise<{ cards: number; changed: string[] }>, [string]>;
  let refresh: MidnightRefresh;

  beforeEach(() => {
    // Half a second before midnight in Asia/Shanghai (15:59:58.5 UTC).
    jest.useFakeTimers({ now: new Date('2023-10-06T23:59:58.500+08:00') });
    refreshAll = jest.fn(async (_day: string) => ({ cards: 1, changed: [] as string[] }));
    refresh = new MidnightRefresh({ refreshAll } as unknown as BoardUpdater, systemClock);
  });

  afterEach(async () => {
    await refresh.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('recomputes the board at boot, then once when the Shanghai day changes', async () => {
    await refresh.onApplicationBootstrap();
    expect(refreshAll.mock.calls).toEqual([['2023-10-06']]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(refreshAll).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(refreshAll.mock.calls).toEqual([['2023-10-06'], ['2023-10-07']]);
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(refreshAll).toHaveBeenCalledTimes(2);
  });

  it('retries a failed refresh until the new day is done', async () => {
    await refresh.onApplicationBootstrap();
    refreshAll.mockRejectedValueOnce(new Error('database unavailable'));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(refreshAll.mock.calls.at(-1)).toEqual(['2023-10-07']);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(refreshAll.mock.calls.slice(1)).toEqual([['2023-10-07'], ['2023-10-07']]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(refreshAll).toHaveBeenCalledTimes(3);
  });
});
