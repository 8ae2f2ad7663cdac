import type { Transactions, Tx } from '../database/transactions';
import { InboxRepository } from './inbox.repository';

const inbox = new InboxRepository();

/**
 * Applies events' effects at most once per consumer: the processed-event rows and the effect
 * commit in one transaction, so a redelivered event finds its row and changes nothing. The effect
 * gets the events not processed before (each once, in the given order); returns them.
 */
export async function applyOnce<T extends { eventId: string }>(
  transactions: Transactions,
  consumer: string,
  events: readonly T[],
  effect: (fresh: T[], tx: Tx) => Promise<void>,
): Promise<T[]> {
  return transactions.run(async (tx) => {
    const ids = events.map((event) => event.eventId);
    const unseen = new Set(await inbox.recordProcessed(tx, consumer, ids));
    const fresh = events.filter((event) => unseen.delete(event.eventId.toLowerCase()));
    if (fresh.length > 0) await effect(fresh, tx);
    return fresh;
  });
}
