import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withCorrelationId } from './correlation-context';

/** Runs the rest of the request inside the correlation context pino-http assigned (req.id). */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: IncomingMessage & { id?: unknown }, _response: ServerResponse, next: () => void): void {
    withCorrelationId(typeof request.id === 'string' ? request.id : undefined, next);
  }
}
