import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency';
import { fieldError } from '@banjie/platform';

export interface ActionHeaderValues {
  idempotencyKey?: string;
  /** The sequence named by If-Match. */
  ifMatch?: number;
}

const KEY = /^[\x21-\x7E]{1,200}$/;
const IF_MATCH = /^(?:W\/)?"?(\d{1,9})"?$/;

/** Reads and checks the Idempotency-Key and If-Match headers of an action request. */
export function parseActionHeaders(
  headers: Record<string, string | string[] | undefined>,
): ActionHeaderValues {
  const key = headers['idempotency-key'];
  const ifMatch = headers['if-match'];
  const values: ActionHeaderValues = {};
  if (key !== undefined) {
    if (typeof key !== 'string' || !KEY.test(key))
      throw fieldError(
        IDEMPOTENCY_HEADER,
        'must be 1–200 visible ASCII characters (e.g. a UUID)',
        'BAD_IDEMPOTENCY_KEY',
      );
    values.idempotencyKey = key;
  }
  if (ifMatch !== undefined) {
    const match = typeof ifMatch === 'string' ? IF_MATCH.exec(ifMatch.trim()) : null;
    if (!match)
      throw fieldError(
        'If-Match',
        'must be the procedure\'s sequence as its ETag gives it, e.g. "3"',
        'BAD_IF_MATCH',
      );
    values.ifMatch = Number(match[1]);
  }
  return values;
}

export const ActionHeaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ActionHeaderValues =>
    parseActionHeaders(
      context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers,
    ),
);
