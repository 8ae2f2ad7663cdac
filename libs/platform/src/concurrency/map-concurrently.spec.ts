import { setTimeout as sleep } from 'node:timers/promises';
import { mapConcurrently } from './map-concurrently';

describe('mapConcurrently', () => {
  it('never has more than the limit in flight, and keeps the order of the items', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrently([30, 5, 20, 1, 10, 2, 8], 3, async (ms) => {
      most = Math.max(most, (inFlight += 1));
      await sleep(ms);
      inFlight -= 1;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20, 4, 16]);
    expect(most).toBe(3);
  });

  it('rejects with the first failure', async () => {
    await expect(mapConcurrently([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error('two'); return n; })).rejects.toThrow('two');
  });

  it('refuses a limit that is not a positive integer', async () => {
    await expect(mapConcurrently([1], 0, async (n) => n)).rejects.toThrow(/positive integer/);
  });

  it('maps nothing to nothing', async () => {
    expect(await mapConcurrently([], 4, async (n: number) => n)).toEqual([]);
  });
});
