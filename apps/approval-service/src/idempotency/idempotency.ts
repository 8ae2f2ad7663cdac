import { UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Actor } from '@banjie/platform';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A response recorded under an idempotency key. */
export interface StoredResponse {
  fingerprint: string;
  statusCode: number;
  body: Record<string, unknown>;
}

/**
 * Keys are scoped to the caller's whole identity — role, subject, department or enterprise — so two
 * callers may use the same key without meeting (two enterprises' tokens may share a subject). The
 * repository scopes them to the procedure as well.
 */
export const callerOf = (actor: Actor): string =>
  JSON.stringify([actor.role, actor.sub, actor.department ?? null, actor.enterpriseId ?? null]);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** The identity of a request: same procedure, action, body (field order aside) and precondition → same fingerprint. */
export function fingerprintOf(request: {
  procedureId: string;
  action: string;
  body: unknown;
  ifMatch?: number;
}): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

/** The first response again, or 422 when the key was used for a different request. */
export function replay(
  stored: StoredResponse,
  fingerprint: string,
): { statusCode: number; body: Record<string, unknown>; replayed: true } {
  if (stored.fingerprint !== fingerprint) {
    throw new UnprocessableEntityException({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: `${IDEMPOTENCY_HEADER}: this key was already used by you for a different request; use a new key for a new request`,
    });
  }
  return { statusCode: stored.statusCode, body: stored.body, replayed: true };
}
