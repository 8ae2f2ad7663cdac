import { Inject, Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@banjie/contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { actorClaims, type Actor } from './actor';
import { IS_PUBLIC, ROLES_ALLOWED } from './auth.decorators';

/**
 * Every endpoint needs a valid HS256 token unless marked @Public(). Signature, algorithm, issuer
 * and expiry are verified; `alg: none` and other algorithms are refused.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    request.actor = await this.authenticate(request.headers.authorization);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, targets);
    if (allowed && !allowed.includes(request.actor.role)) {
      throw new ForbiddenException(`role '${request.actor.role}' may not do this; allowed: ${allowed.join(', ')}`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header ?? '');
    if (!match) throw new UnauthorizedException('Authorization: a Bearer token is required');
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(match[1]!, {
        algorithms: ['HS256'],
        issuer: this.config.JWT_ISSUER,
      });
    } catch (error) {
      throw new UnauthorizedException(`Authorization: token rejected (${(error as Error).message})`);
    }
    const claims = actorClaims.safeParse(payload);
    if (!claims.success) throw new UnauthorizedException(`Authorization: token claims invalid (${claims.error.issues.map((i) => i.message).join('; ')})`);
    return claims.data;
  }
}
