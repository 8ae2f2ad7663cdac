import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { CORRELATION_HEADER, currentCorrelationId } from './correlation-context';

function requestCorrelationId(request: IncomingMessage): string {
  const header = request.headers[CORRELATION_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && /^[\w.:-]{1,128}$/.test(candidate) ? candidate : randomUUID();
}

/** Structured JSON logs (pino); every line carries the service name and the correlation id. */
export function structuredLogging(serviceName: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service: serviceName },
      genReqId: (request, response) => {
        const id = requestCorrelationId(request);
        response.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customProps: (request) => ({ correlationId: request.id }),
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
}
