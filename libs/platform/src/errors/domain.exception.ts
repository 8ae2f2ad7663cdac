/** The HTTP status a domain error maps to at the edge. */
export type DomainErrorKind =
  'bad-request' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'precondition-failed';

/**
 * A rule said no. Carries a stable code for clients, a human message, and optional details
 * (for example the transitions allowed from here).
 */
export class DomainException extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
