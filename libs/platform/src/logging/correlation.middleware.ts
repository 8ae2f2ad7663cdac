import { Injectable, type NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, withCorrelationId } from './correlation-context';

type RequestWithId = IncomingMessage & { id?: unknown };

/** The request's correlation id: a well-formed incoming header, or a new one. Assigned once per request. */
export function requestCorrelationId(request: RequestWithId, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const header = request.headers[CORRELATION_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  const id = candidate && /^[\w.:-]{1,128}$/.test(candidate) ? candidate : randomUUID();
  request.id = id;
  response.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** Runs the rest of the request inside its correlation context, so logs and events carry the id. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: RequestWithId, response: ServerResponse, next: () => void): void {
    withCorrelationId(requestCorrelationId(request, response), next);
  }
}
