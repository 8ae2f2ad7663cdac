import { NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { HttpErrorFilter } from './http-exception.filter';

function httpHost() {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    status: (status: number) => ((sent.status = status), response),
    json: (body: unknown) => void (sent.body = body),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('HttpErrorFilter', () => {
  it('answers a domain error with its status, code and details', () => {
    const { host, sent } = httpHost();
    new HttpErrorFilter().catch(
      new DomainException('conflict', 'STALE_SEQUENCE', 'read it again', { currentSequence: 3 }),
      host,
    );
    expect(sent).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'read it again',
        code: 'STALE_SEQUENCE',
        currentSequence: 3,
      },
    });
  });

  it('answers an unknown error with a bare 500', () => {
    const { host, sent } = httpHost();
    new HttpErrorFilter().catch(new Error('secret detail'), host);
    expect(sent).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'internal error' },
    });
  });

  it('keeps the status of an HttpException', () => {
    const { host, sent } = httpHost();
    new HttpErrorFilter().catch(new NotFoundException('no such thing'), host);
    expect(sent.status).toBe(404);
  });

  it("hands an event handler's error back to the Kafka transport unchanged", () => {
    const error = new Error('The coordinator is not aware of this member');
    const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    expect(() => new HttpErrorFilter().catch(error, rpcHost)).toThrow(error);
  });
});
