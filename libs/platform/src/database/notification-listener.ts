import type { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

export interface NotificationListener {
  close(): Promise<void>;
}

/**
 * LISTENs on a PostgreSQL channel on a connection of its own and calls `onNotify` for each
 * NOTIFY. When the connection is lost (the server restarted) it connects again, and calls
 * `onNotify` once on reconnecting, since notifications sent meanwhile are gone.
 */
export async function listenForNotifications(
  databaseUrl: string,
  channel: string,
  onNotify: () => void,
  logger: Logger,
): Promise<NotificationListener> {
  let closed = false;
  let client: Client | undefined;
  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl });
    next.on('notification', () => onNotify());
    next.on('error', (error) => {
      logger.warn(`listener on ${channel}: ${error.message}`);
      void next.end().catch(() => undefined);
      if (client === next && !closed) void reconnect();
    });
    await next.connect();
    await next.query(`LISTEN "${channel}"`);
    client = next;
  };
  const reconnect = async (): Promise<void> => {
    for (let attempt = 1; !closed; attempt += 1) {
      await sleep(Math.min(200 * 2 ** attempt, 5_000));
      try {
        await connect();
        onNotify();
        return;
      } catch (error) {
        logger.warn(`listener on ${channel}: reconnecting (attempt ${attempt}): ${(error as Error).message}`);
      }
    }
  };
  await connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
