// Watches the public SSE stream and tells when a procedure first shows a given status on the board.
import type { FlagBoardCard } from '@banjie/contracts';

interface Waiter {
  status: string;
  resolve: (seenAt: number) => void;
}

export class BoardStreamWatcher {
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly abort = new AbortController();
  private buffer = '';
  events = 0;

  private constructor() {}

  static async open(noticeUrl: string): Promise<BoardStreamWatcher> {
    const watcher = new BoardStreamWatcher();
    const response = await fetch(`${noticeUrl}/api/board/stream`, {
      signal: watcher.abort.signal,
      headers: { accept: 'text/event-stream' },
    });
    if (response.status !== 200 || !response.body)
      throw new Error(`board stream answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          watcher.feed(value, Date.now());
        }
      } catch {
        // closed by close()
      }
    })();
    return watcher;
  }

  /** Resolves with the time the procedure's card first showed `status` (registered before the action is sent). */
  seen(procedureId: string, status: string): Promise<number> {
    return new Promise((resolve) => {
      const list = this.waiters.get(procedureId) ?? [];
      list.push({ status, resolve });
      this.waiters.set(procedureId, list);
    });
  }

  /** Forgets a waiter whose action failed. */
  forget(procedureId: string): void {
    this.waiters.delete(procedureId);
  }

  close(): void {
    this.abort.abort();
  }

  private feed(chunk: string, at: number): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const lines = block.split('\n');
      if (!lines.includes('event: card')) continue;
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      this.events += 1;
      this.onCard((JSON.parse(data) as { card: FlagBoardCard }).card, at);
    }
  }

  private onCard(card: FlagBoardCard, at: number): void {
    for (const procedure of card.procedures) {
      const procedureId = `${card.code}-${procedure.procedure}`;
      const list = this.waiters.get(procedureId);
      if (!list) continue;
      const remaining = list.filter((waiter) => {
        if (waiter.status !== procedure.status) return true;
        waiter.resolve(at);
        return false;
      });
      if (remaining.length > 0) this.waiters.set(procedureId, remaining);
      else this.waiters.delete(procedureId);
    }
  }
}
