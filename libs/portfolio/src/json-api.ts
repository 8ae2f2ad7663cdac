import { setTimeout as sleep } from 'node:timers/promises';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class UnexpectedResponseError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly text: string,
  ) {
    super(`${method} ${path} → ${status}: ${text.slice(0, 500)}`);
    this.name = 'UnexpectedResponseError';
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Safe to send again when the answer is lost or the service is momentarily unavailable (a GET,
   * or an action with an Idempotency-Key). Other requests are sent once.
   */
  retry?: boolean;
}

const ATTEMPTS = 6;
const TIMEOUT_MS = 30_000;
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** The services' ceiling on `pageSize` (README "Lists"). */
const LIST_PAGE_SIZE = 200;

/** A small JSON client of one Banjie service; every call names its bearer token. */
export class JsonApi {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    token: string,
    options: RequestOptions = {},
  ): Promise<JsonResponse<T>> {
    const attempts = options.retry ? ATTEMPTS : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            ...options.headers,
          },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const text = await response.text();
        if (RETRYABLE_STATUSES.has(response.status) && attempt < attempts) {
          await sleep(200 * 2 ** attempt);
          continue;
        }
        return {
          status: response.status,
          body: (text ? JSON.parse(text) : undefined) as T,
          headers: response.headers,
        };
      } catch (error) {
        if (attempt >= attempts)
          throw new Error(
            `${method} ${this.baseUrl}${path} failed: ${(error as Error).message} — is the service running?`,
            { cause: error },
          );
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  /** The request, which must answer 2xx. */
  async expectOk<T = unknown>(
    method: string,
    path: string,
    token: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const response = await this.request<T>(method, path, token, options);
    if (response.status < 200 || response.status >= 300)
      throw new UnexpectedResponseError(method, path, response.status, JSON.stringify(response.body));
    return response.body;
  }

  /** Every item of a paged list (`{items,total}`, README "Lists"), read page by page at the ceiling. */
  async allItems<T>(path: string, token: string): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    for (let page = 1; ; page += 1) {
      const answer = await this.expectOk<{ items: T[]; total: number }>(
        'GET',
        `${path}${separator}pageSize=${LIST_PAGE_SIZE}&page=${page}`,
        token,
        { retry: true },
      );
      items.push(...answer.items);
      if (answer.items.length === 0 || items.length >= answer.total) return items;
    }
  }
}
