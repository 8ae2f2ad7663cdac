import { issueToken, LOCAL_DEVELOPMENT_JWT_SECRET, type Actor } from '@banjie/platform';
import type { FuzzTarget } from './fuzz-runner';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens that must never get in: garbage, expired, signed with another key, unsigned (`alg: none`). */
export function badTokens(secret = LOCAL_DEVELOPMENT_JWT_SECRET): FuzzTarget['badTokens'] {
  const admin: Actor = { sub: 'fuzz-admin', role: 'admin' };
  return {
    malformed: 'not.a.jwt',
    expired: issueToken(admin, secret, { expiresInSeconds: -3600 }),
    wrongSignature: issueToken(admin, 'a-completely-different-signing-key-0123456789'),
    algNone: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'fuzz-admin', role: 'admin', iss: 'banjie', exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
  };
}

/** One working token per role, so every operation finds one its guard lets through. */
export function tokensForEveryRole(
  secret = LOCAL_DEVELOPMENT_JWT_SECRET,
  department: Actor['department'] = 'EEB',
): string[] {
  const actors: Actor[] = [
    { sub: 'fuzz-admin', role: 'admin' },
    { sub: 'fuzz-dispatch', role: 'dispatch' },
    { sub: 'fuzz-supervisor', role: 'supervisor' },
    { sub: 'fuzz-department', role: 'department', department },
    { sub: 'fuzz-helper', role: 'helper' },
    { sub: 'fuzz-enterprise', role: 'enterprise', enterpriseId: 'ENT-FUZZ' },
  ];
  return actors.map((actor) => issueToken(actor, secret));
}
