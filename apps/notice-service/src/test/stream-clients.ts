import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A stream client that never reads: it sends its request over a raw socket, takes the response
 * head, then stops reading, so what the service sends piles up in the kernel and then in the
 * service — what a stalled display or an attacker does. `localAddress` (any of 127.0.0.0/8)
 * makes it another client address.
 */
export interface SilentStream {
  status: number;
  head: string;
  /** Reads what is left and resolves with the bytes received once the service closes the connection, or null if it is still open after `timeoutMs`. */
  drain(timeoutMs: number): Promise<number | null>;
  destroy(): void;
}

export function openSilentStream(
  url: string,
  options: { path: string; headers?: Record<string, string>; localAddress?: string },
): Promise<SilentStream> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({
      host: hostname,
      port: Number(port),
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    const headers = Object.entries({
      host: `${hostname}:${port}`,
      accept: 'text/event-stream',
      ...options.headers,
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    let settled = false;
    // After the head, a reset by the service is what the test waits for: `drain` sees the close.
    socket.on('error', (error) => settled || reject(error));
    socket.once('connect', () => socket.write(`GET ${options.path} HTTP/1.1\r\n${headers}\r\n`));
    let received = 0;
    let closed = false;
    socket.once('close', () => (closed = true));
    socket.once('data', (chunk: Buffer) => {
      settled = true;
      socket.pause();
      received += chunk.length;
      const head = chunk.toString('latin1');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        drain: (timeoutMs) =>
          new Promise((done) => {
            if (closed) return done(received);
            const timer = setTimeout(() => done(null), timeoutMs);
            socket.on('data', (more: Buffer) => (received += more.length));
            socket.once('close', () => {
              clearTimeout(timer);
              done(received);
            });
            socket.resume();
          }),
        destroy: () => socket.destroy(),
      });
    });
  });
}

export interface Memory {
  heapMb: number;
  /** Memory outside the V8 heap held by JavaScript objects (buffers, pending socket writes). */
  externalMb: number;
  rssMb: number;
}

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

function memory(): Memory {
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapMb: mb(heapUsed), externalMb: mb(external), rssMb: mb(rss) };
}

/** This process's memory after a full garbage collection (the service under test runs in it). */
export function memoryAfterGc(): Memory {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return memory();
}

/** The highest of each figure. */
export function peakOf(samples: Memory[]): Memory {
  return {
    heapMb: Math.max(...samples.map((sample) => sample.heapMb)),
    externalMb: Math.max(...samples.map((sample) => sample.externalMb)),
    rssMb: Math.max(...samples.map((sample) => sample.rssMb)),
  };
}
