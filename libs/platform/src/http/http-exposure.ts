import { HttpException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@banjie/contracts';
import compression from 'compression';
import type { RequestHandler, Response } from 'express';
import { requireRole } from '../auth/jwt-auth.guard';
import { TokenAuthenticator } from '../auth/token-authenticator';

/** The operations endpoints every service has: Prometheus metrics and the OpenAPI document. */
export const OPERATIONS_PATHS = ['/metrics', '/docs', '/docs-json'];
/** Who may read them on a public service. */
export const OPERATIONS_ROLES: readonly Role[] = ['admin', 'supervisor'];

export interface HttpExposureOptions {
  /** A public service (the notice service) answers its operations endpoints to admin and supervisor tokens only. */
  operationsNeedToken?: boolean;
}

/**
 * What a service's HTTP listener shows the world: no `X-Powered-By`, gzip for what compresses
 * (never a server-sent event stream: compression would hold its events back), and, on a public
 * service, the operations endpoints behind a token. Must run before any route is registered.
 */
export function limitHttpExposure(app: NestExpressApplication, options: HttpExposureOptions): void {
  app.disable('x-powered-by');
  app.use(
    compression({
      filter: (request, response) => !isEventStream(response) && compression.filter(request, response),
    }),
  );
  if (options.operationsNeedToken) app.use(OPERATIONS_PATHS, operationsGate(app.get(TokenAuthenticator)));
}

function isEventStream(response: Response): boolean {
  return String(response.getHeader('content-type') ?? '').startsWith('text/event-stream');
}

function operationsGate(tokens: TokenAuthenticator): RequestHandler {
  const admit = async (authorization: string | undefined) =>
    requireRole(await tokens.authenticate(authorization), OPERATIONS_ROLES);
  return (request, response, next) => {
    admit(request.headers.authorization).then(
      () => next(),
      (error: unknown) => refuse(response, error, next),
    );
  };
}

function refuse(response: Response, error: unknown, next: (error: unknown) => void): void {
  if (error instanceof HttpException) response.status(error.getStatus()).json(error.getResponse());
  else next(error);
}
