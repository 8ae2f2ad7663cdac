import type { INestApplication } from '@nestjs/common';
import type { Actor } from '@banjie/platform';
import { baseUrl, tokenFor } from '../service-harness';

/** A service under test: its base URL (a process) or the application (in the test's own process). */
export type ServiceTarget = string | INestApplication;

export const targetUrl = (target: ServiceTarget): string =>
  typeof target === 'string' ? target : baseUrl(target);

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON-over-HTTP client of one service in tests, acting as one actor. */
export function apiClient(target: ServiceTarget, actor: Actor) {
  const token = tokenFor(actor);
  const url = targetUrl(target);
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  };
}

/** The intake API is plain JSON resources: the generic client serves it. */
export const intakeClient = apiClient;

/** The deadline API's resources as its tests compare them whole: status and body. */
export function deadlineClient(target: ServiceTarget, actor: Actor) {
  const call = apiClient(target, actor);
  return async <T = Record<string, unknown>>(method: string, path: string) => {
    const { status, body } = await call<T>(method, path);
    return { status, body };
  };
}
