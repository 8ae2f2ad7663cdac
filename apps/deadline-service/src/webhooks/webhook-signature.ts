import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Banjie-Signature';
export const TIMESTAMP_HEADER = 'X-Banjie-Timestamp';
export const EVENT_ID_HEADER = 'X-Banjie-Event-Id';
export const EVENT_TYPE_HEADER = 'X-Banjie-Event-Type';
export const ATTEMPT_HEADER = 'X-Banjie-Delivery-Attempt';

/** How far a receiver should accept a timestamp from its own clock (replayed deliveries are refused after that). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`): the timestamp is signed with the
 * body so a captured delivery cannot be replayed later under a fresh timestamp.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/** What a receiver does: recompute the signature over the raw body, compare in constant time, and refuse stale timestamps. */
export function verifyWebhookSignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!headers.signature || !/^sha256=[0-9a-f]{64}$/.test(headers.signature))
    return { valid: false, reason: `${SIGNATURE_HEADER} is not sha256=<64 hex digits>` };
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp))
    return { valid: false, reason: `${TIMESTAMP_HEADER} is not a Unix time in seconds` };
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds)
    return { valid: false, reason: `${TIMESTAMP_HEADER} is more than ${toleranceSeconds} s away from now` };
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { valid: true }
    : { valid: false, reason: 'the signature does not match the body' };
}
