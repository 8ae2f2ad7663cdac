import { createSecretKey } from 'node:crypto';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { ServiceConfig } from '../config/service-config';
import type { Actor } from './actor';
import { Public, Roles } from './auth.decorators';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokenAuthenticator } from './token-authenticator';
import { issueToken } from './token-issuer';

const SECRET = 'a-test-signing-key-of-at-least-32-characters';
const config = {
  JWT_SECRET: SECRET,
  JWT_ISSUER: 'banjie',
  JWT_MAX_LIFETIME_SECONDS: 12 * 3600,
  JWT_CLOCK_SKEW_SECONDS: 60,
} as ServiceConfig;

class Endpoints {
  @Roles('admin')
  adminOnly(): void {}

  anyone(): void {}

  @Public()
  open(): void {}
}

function contextFor(handler: keyof Endpoints, authorization?: string) {
  const request: { headers: Record<string, string | undefined>; actor?: Actor } = {
    headers: { authorization },
  };
  const context = {
    getType: () => 'http',
    getHandler: () => Endpoints.prototype[handler],
    getClass: () => Endpoints,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
/** A correctly signed admin token with exactly these time claims (none added by the library). */
const signedWithTimes = (times: { iat?: number; exp?: number }) =>
  `Bearer ${new JwtService().sign({ sub: 'x', role: 'admin', ...times }, { secret: SECRET, issuer: 'banjie', noTimestamp: times.iat === undefined })}`;

describe('JwtAuthGuard', () => {
  const guard = new JwtAuthGuard(
    new Reflector(),
    new TokenAuthenticator(new JwtService({ secret: createSecretKey(Buffer.from(SECRET)) }), config),
  );
  const admin = issueToken({ sub: 'a-1', role: 'admin' }, SECRET);

  it('accepts a valid token and exposes the actor', async () => {
    const { context, request } = contextFor('adminOnly', `Bearer ${admin}`);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.actor).toEqual({ sub: 'a-1', role: 'admin' });
  });

  it('lets public endpoints through without a token', async () => {
    await expect(guard.canActivate(contextFor('open').context)).resolves.toBe(true);
  });

  it.each([
    ['no token', undefined],
    [
      'a token signed with another key',
      `Bearer ${issueToken({ sub: 'x', role: 'admin' }, 'another-signing-key-of-at-least-32-chars')}`,
    ],
    [
      'an expired token',
      `Bearer ${issueToken({ sub: 'x', role: 'admin' }, SECRET, { expiresInSeconds: -120 })}`,
    ],
    [
      'a token from another issuer',
      `Bearer ${issueToken({ sub: 'x', role: 'admin' }, SECRET, { issuer: 'elsewhere' })}`,
    ],
    [
      'alg: none',
      `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', role: 'admin', iss: 'banjie' })}.`,
    ],
    [
      'a department token without a department',
      `Bearer ${new JwtService().sign({ sub: 'x', role: 'department' }, { secret: SECRET, issuer: 'banjie' })}`,
    ],
    ['garbage', 'Bearer not-a-jwt'],
    ['a token without exp', signedWithTimes({ iat: now() })],
    ['a token without iat', signedWithTimes({ exp: now() + 3600 })],
    ['a 100-year token', signedWithTimes({ iat: now(), exp: now() + 100 * 365 * 24 * 3600 })],
    [
      'a token living one second over the maximum',
      signedWithTimes({ iat: now() - 60, exp: now() - 60 + 12 * 3600 + 1 }),
    ],
    [
      'a token issued in the future beyond the clock skew',
      signedWithTimes({ iat: now() + 120, exp: now() + 3600 }),
    ],
    [
      'a token expired longer ago than the clock skew',
      signedWithTimes({ iat: now() - 3600, exp: now() - 61 }),
    ],
  ])('refuses %s with 401', async (_case, header) => {
    await expect(guard.canActivate(contextFor('anyone', header).context)).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
  });

  it.each([
    ['the maximum lifetime', { iat: now(), exp: now() + 12 * 3600 }],
    ['an iat ahead of the clock within the skew', { iat: now() + 30, exp: now() + 3600 }],
    ['an exp behind the clock within the skew', { iat: now() - 3600, exp: now() - 30 }],
  ])('accepts a token with %s', async (_case, times) => {
    await expect(guard.canActivate(contextFor('anyone', signedWithTimes(times)).context)).resolves.toBe(true);
  });

  it('names the rule a token breaks', async () => {
    await expect(
      guard.canActivate(
        contextFor('anyone', signedWithTimes({ iat: now(), exp: now() + 100 * 365 * 24 * 3600 })).context,
      ),
    ).rejects.toThrow(/lifetime exp - iat of \d+ s is over the maximum of 43200 s/);
  });

  it('refuses a valid token whose role the endpoint does not allow with 403', async () => {
    const helper = issueToken({ sub: 'h-1', role: 'helper' }, SECRET);
    await expect(
      guard.canActivate(contextFor('adminOnly', `Bearer ${helper}`).context),
    ).rejects.toBeInstanceOf(ForbiddenException);
  });
});
