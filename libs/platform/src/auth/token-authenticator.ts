import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { actorClaims, type Actor } from './actor';
import { tokenTimeProblem } from './token-lifetime';

/**
 * Turns an `Authorization: Bearer …` header into the verified actor, or a 401 naming why:
 * signature, algorithm (HS256 only, never `alg: none`), issuer, expiry with the configured clock
 * skew, a bounded lifetime, and the claims.
 */
@Injectable()
export class TokenAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header ?? '');
    if (!match) throw new UnauthorizedException('Authorization: a Bearer token is required');
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(match[1]!, {
        algorithms: ['HS256'],
        issuer: this.config.JWT_ISSUER,
        clockTolerance: this.config.JWT_CLOCK_SKEW_SECONDS,
      });
    } catch (error) {
      throw new UnauthorizedException(`Authorization: token rejected (${(error as Error).message})`);
    }
    const timeProblem = tokenTimeProblem(payload as Record<string, unknown>, Math.floor(Date.now() / 1000), {
      maxLifetimeSeconds: this.config.JWT_MAX_LIFETIME_SECONDS,
      clockSkewSeconds: this.config.JWT_CLOCK_SKEW_SECONDS,
    });
    if (timeProblem) throw new UnauthorizedException(`Authorization: token rejected (${timeProblem})`);
    const claims = actorClaims.safeParse(payload);
    if (!claims.success)
      throw new UnauthorizedException(
        `Authorization: token claims invalid (${claims.error.issues.map((i) => i.message).join('; ')})`,
      );
    return claims.data;
  }
}
