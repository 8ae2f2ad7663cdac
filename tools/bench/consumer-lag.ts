// Consumer lag of the services' groups: high watermarks minus committed offsets, summed.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';

export const CONSUMER_GROUPS = [
  'intake-service',
  'approval-service',
  'notice-service',
  'deadline-service',
] as const;

export async function consumerLag(admin: Admin): Promise<Record<string, number>> {
  const lags: Record<string, number> = {};
  const highs = new Map<string, Map<number, { high: number; low: number }>>();
  for (const groupId of CONSUMER_GROUPS) {
    let lag = 0;
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      if (!highs.has(topic)) {
        highs.set(
          topic,
          new Map(
            (await admin.fetchTopicOffsets(topic)).map((p) => [
              p.partition,
              { high: Number(p.high), low: Number(p.low) },
            ]),
          ),
        );
      }
      for (const { partition, offset } of partitions) {
        const watermarks = highs.get(topic)!.get(partition);
        if (!watermarks) continue;
        const committed = Number(offset) < 0 ? watermarks.low : Number(offset);
        lag += Math.max(0, watermarks.high - committed);
      }
    }
    lags[groupId] = lag;
  }
  return lags;
}

/** Seconds from `since` until every group's lag is zero (polled every 200 ms), or null past `limitSeconds`. */
export async function secondsUntilNoLag(
  admin: Admin,
  since: number,
  limitSeconds: number,
): Promise<{ seconds: number | null; lastLag: Record<string, number> }> {
  for (;;) {
    const lag = await consumerLag(admin);
    const now = Date.now();
    if (Object.values(lag).every((value) => value === 0))
      return { seconds: (now - since) / 1000, lastLag: lag };
    if (now - since > limitSeconds * 1000) return { seconds: null, lastLag: lag };
    await sleep(200);
  }
}
