import { setTimeout as sleep } from 'node:timers/promises';
import { forEachConcurrently } from './concurrency';

describe('forEachConcurrently', () => {
  it('does every item, never more than the limit at once, starting them in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await forEachConcurrently([...Array(20).keys()], 4, async (item) => {
      started.push(item);
      running += 1;
      peak = Math.max(peak, running);
      await sleep(item % 3);
      running -= 1;
    });
    expect(started).toEqual([...Array(20).keys()]);
    expect(peak).toBe(4);
  });

  it('starts nothing new after a failure, lets the running work finish, and rethrows the failure', async () => {
    const finished: number[] = [];
    const work = forEachConcurrently([0, 1, 2, 3, 4, 5], 2, async (item) => {
      if (item === 1) throw new Error('item 1 failed');
      await sleep(5);
      finished.push(item);
    });
    await expect(work).rejects.toThrow('item 1 failed');
    expect(finished).toEqual([0]);
  });

  it('refuses a limit that is not a positive whole number', async () => {
    await expect(forEachConcurrently([1], 0, async () => undefined)).rejects.toThrow(RangeError);
  });
});
