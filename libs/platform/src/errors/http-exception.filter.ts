import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, type DomainErrorKind } from './domain.exception';

const statusOf: Record<DomainErrorKind, HttpStatus> = {
  'bad-request': HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'precondition-failed': HttpStatus.PRECONDITION_FAILED,
};

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  [detail: string]: unknown;
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join(' ')
    : 'Error';
}

/**
 * Maps every error of an HTTP request to `{statusCode, error, message}` JSON; unknown errors are
 * logged and are 500s. Errors of an event handler are not requests: they go back to the Kafka
 * transport as they are, which redelivers what was not committed.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      const statusCode = statusOf[exception.kind];
      return {
        statusCode,
        error: reasonPhrase(statusCode),
        message: exception.message,
        code: exception.code,
        ...exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const fields = response as Record<string, unknown>;
        return {
          ...fields,
          statusCode,
          error: typeof fields.error === 'string' ? fields.error : reasonPhrase(statusCode),
          message: (fields.message as string | string[]) ?? exception.message,
        };
      }
      return { statusCode, error: reasonPhrase(statusCode), message: String(response) };
    }
    if (isBodyParserError(exception)) {
      return {
        statusCode: exception.status,
        error: reasonPhrase(exception.status),
        message: `request body: ${exception.message}`,
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'internal error' };
  }
}

function isBodyParserError(error: unknown): error is { status: number; message: string } {
  const candidate = error as { status?: unknown; type?: unknown } | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}
