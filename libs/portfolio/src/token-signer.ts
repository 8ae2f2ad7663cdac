import type { Role } from '@banjie/contracts';

/** Someone the loader acts as or on behalf of: the subject and role of a bearer token. */
export interface TokenSubject {
  sub: string;
  role: Role;
}

/**
 * Signs a bearer token for a subject with the services' key. The caller holds the key and the
 * signing (`issueToken` of @banjie/platform): the portfolio only drives the services' APIs.
 */
export type SignToken = (subject: TokenSubject) => string;
