import { setTimeout as sleep } from 'node:timers/promises';
import { mapConcurrently } from './map-concurrently';

describe('mapConcurrently', () => {
  it('maps every item, never more than the limit at once, starting them in order and keeping their order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await mapConcurrently([...Array(20).keys()], 4, async (item) => {
      started.push(item);
      peak = Math.max(peak, (running += 1));
      await sleep((item * 7) % 5);
      running -= 1;
      return item * 10;
    });
    expect(started).toEqual([...Array(20).keys()]);
    expect(results).toEqual([...Array(20).keys()].map((item) => item * 10));
    expect(peak).toBe(4);
  });

  it('starts nothing new after a failure, lets the running calls finish, and rethrows the failure', async () => {
    const finished: number[] = [];
    const work = mapConcurrently([0, 1, 2, 3, 4, 5], 2, async (item) => {
      if (item === 1) throw new Error('item 1 failed');
      await sleep(5);
      finished.push(item);
    });
    await expect(work).rejects.toThrow('item 1 failed');
    expect(finished).toEqual([0]);
  });

  it('refuses a limit that is not a positive whole number', async () => {
    await expect(mapConcurrently([1], 0, async () => undefined)).rejects.toThrow(RangeError);
  });

  it('maps nothing to nothing', async () => {
    expect(await mapConcurrently([], 4, async (item: number) => item)).toEqual([]);
  });
});
