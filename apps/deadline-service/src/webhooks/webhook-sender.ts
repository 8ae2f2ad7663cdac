import { parseRetryAfter } from './webhook-retry';
import {
  ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './webhook-signature';

export interface WebhookRequest {
  url: string;
  body: string;
  eventId: string;
  eventType: string;
  attempt: number;
}

export interface SendOutcome {
  delivered: boolean;
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  retryAfterMs: number | null;
}

/** What went wrong below HTTP, e.g. `ECONNREFUSED` or `timed out after 10000 ms`. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `timed out after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (cause?.code ?? cause?.message ?? (error as Error).message).slice(0, 500);
}

/**
 * POSTs one signed delivery. Only a 2xx answer counts as delivered; redirects are not followed
 * (a signed event goes to the configured URL only). The timestamp is signed afresh on each attempt;
 * the body and the event id never change.
 */
export async function sendWebhook(
  request: WebhookRequest,
  secret: string,
  timeoutMs: number,
): Promise<SendOutcome> {
  const attemptedAt = new Date();
  const timestamp = Math.floor(attemptedAt.getTime() / 1000);
  const elapsed = () => Date.now() - attemptedAt.getTime();
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'banjie-deadline-service',
        [EVENT_ID_HEADER]: request.eventId,
        [EVENT_TYPE_HEADER]: request.eventType,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, request.body),
        [ATTEMPT_HEADER]: String(request.attempt),
      },
      body: request.body,
    });
    await response.body?.cancel();
    const delivered = response.status >= 200 && response.status < 300;
    return {
      delivered,
      attemptedAt,
      durationMs: elapsed(),
      statusCode: response.status,
      error: delivered
        ? null
        : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      retryAfterMs: delivered ? null : parseRetryAfter(response.headers.get('retry-after')),
    };
  } catch (error) {
    return {
      delivered: false,
      attemptedAt,
      durationMs: elapsed(),
      statusCode: null,
      error: describeFailure(error, timeoutMs),
      retryAfterMs: null,
    };
  }
}
