// A tiny JSON client for the bench: one token per actor, a timeout per request, never throws.
import { setTimeout as sleep } from 'node:timers/promises';
import { issueToken, type Actor } from '@banjie/platform';

export interface Answer {
  status: number;
  text: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

export class BenchClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly jwtSecret: string) {}

  token(actor: Actor): string {
    const key = JSON.stringify(actor);
    let token = this.tokens.get(key);
    if (!token) {
      token = issueToken(actor, this.jwtSecret);
      this.tokens.set(key, token);
    }
    return token;
  }

  /** `call`, tried again (3 attempts) when no answer came back — for requests that may be repeated, like the seeding's. */
  async callRepeatable(url: string, method: string, actor: Actor, body?: unknown): Promise<Answer> {
    for (let attempt = 1; ; attempt += 1) {
      const answer = await this.call(url, method, actor, body);
      if (answer.status !== 0 || attempt === 3) return answer;
      await sleep(500 * attempt);
    }
  }

  async call(
    url: string,
    method: string,
    actor: Actor,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    try {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.token(actor)}`,
          'content-type': 'application/json',
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      return { status: 0, text: (error as Error).message };
    }
  }
}
