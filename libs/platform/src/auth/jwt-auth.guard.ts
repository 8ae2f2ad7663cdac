import { Injectable, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@banjie/contracts';
import type { Actor } from './actor';
import { IS_PUBLIC, ROLES_ALLOWED } from './auth.decorators';
import { TokenAuthenticator } from './token-authenticator';

/** Every endpoint needs a valid token (see TokenAuthenticator) unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    request.actor = await this.tokens.authenticate(request.headers.authorization);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, targets);
    if (allowed) requireRole(request.actor, allowed);
    return true;
  }
}

/** 403 naming the roles allowed, unless the actor has one of them. */
export function requireRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role))
    throw new ForbiddenException(`role '${actor.role}' may not do this; allowed: ${allowed.join(', ')}`);
}
