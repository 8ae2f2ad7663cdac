import { JwtService } from '@nestjs/jwt';
import type { Actor } from './actor';

/** Signs a Banjie token (used by `npm run token` and by tests). */
export function issueToken(
  actor: Actor,
  secret: string,
  options: { issuer?: string; expiresInSeconds?: number } = {},
): string {
  return new JwtService().sign(
    { ...actor },
    {
      secret,
      algorithm: 'HS256',
      issuer: options.issuer ?? 'banjie',
      expiresIn: options.expiresInSeconds ?? 8 * 3600,
    },
  );
}
