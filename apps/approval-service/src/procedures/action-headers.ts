import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { fieldError, type Actor } from '@banjie/platform';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency';
import { PROCEDURE_ID_PATTERN, PROCEDURE_ID_RULE } from './dto/procedure-id.param';

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

/** Everything an action request carries besides its body: the procedure, the headers, the caller, the response to stamp. */
export interface ActionCall {
  procedureId: string;
  headers: ActionHeaderValues;
  actor: Actor;
  response: Response;
}

interface ActionHttpRequest {
  params: { id?: string };
  headers: Record<string, string | string[] | undefined>;
  actor: Actor;
}

/** Reads an action request's procedure id (`:id`), its Idempotency-Key and If-Match headers and its caller. */
export const ActionCall = createParamDecorator((_data: unknown, context: ExecutionContext): ActionCall => {
  const http = context.switchToHttp();
  const request = http.getRequest<ActionHttpRequest>();
  const procedureId = request.params.id ?? '';
  if (!PROCEDURE_ID_PATTERN.test(procedureId)) throw fieldError('id', PROCEDURE_ID_RULE);
  return {
    procedureId,
    headers: parseActionHeaders(request.headers),
    actor: request.actor,
    response: http.getResponse<Response>(),
  };
});
