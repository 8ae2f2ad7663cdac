import { LoggerModule } from 'nestjs-pino';
import { currentCorrelationId } from './correlation-context';
import { requestCorrelationId } from './correlation.middleware';

/** Structured JSON logs (pino); every line carries the service name and the correlation id. */
export function structuredLogging(serviceName: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service: serviceName },
      genReqId: (request, response) => requestCorrelationId(request, response),
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
