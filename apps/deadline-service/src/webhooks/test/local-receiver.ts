import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  receivedAt: number;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived (what a receiver must verify the signature over). */
  body: string;
}

/** A local HTTP receiver for webhook tests: records every request and answers with the status `answer` chooses. */
export class LocalReceiver {
  readonly requests: ReceivedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(
    answer: (request: ReceivedRequest, previous: readonly ReceivedRequest[]) => number,
  ): Promise<LocalReceiver> {
    let receiver: LocalReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = {
          receivedAt: Date.now(),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        const status = answer(request, receiver!.requests);
        receiver!.requests.push(request);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'try again');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new LocalReceiver(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/banjie-hook`,
    );
    return receiver;
  }

  /** The requests that carried one event. */
  forEvent(eventId: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.headers['x-banjie-event-id'] === eventId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
