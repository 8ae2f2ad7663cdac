import fc from 'fast-check';
import type { InternalProcedureFields, PayloadOf, ProjectRegisteredV1 } from '@banjie/contracts';

/**
 * Random internal parts of events, for the "public means public" tests: every value is long and
 * random enough that finding it in a public output can only mean it leaked.
 */

const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
const words = (minLength: number, maxLength: number) => fc.string({ unit: hanzi, minLength, maxLength });
const token = (prefix: string) => fc.uuid().map((uuid) => `${prefix}-${uuid}`);
const mobilePhone = fc
  .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/))
  .map(([head, tail]) => head + tail);

export const projectInternals: fc.Arbitrary<PayloadOf<typeof ProjectRegisteredV1>['internal']> = fc.record({
  ownerEnterpriseId: token('ENT'),
  ownerEnterpriseName: words(8, 16),
  helpers: fc.array(fc.record({ name: words(6, 8), phone: mobilePhone, userId: token('helper') }), {
    minLength: 1,
    maxLength: 3,
  }),
  leadingOfficial: words(6, 8),
  version: fc.integer({ min: 1, max: 1_000 }),
});

export const procedureInternals: fc.Arbitrary<InternalProcedureFields> = fc.record({
  actor: token('actor'),
  actorRole: fc.constantFrom(
    'department' as const,
    'enterprise' as const,
    'helper' as const,
    'admin' as const,
  ),
  reason: fc.option(words(10, 30), { nil: null }),
  ownerEnterpriseId: token('ENT'),
  helpers: fc.array(token('helper'), { minLength: 1, maxLength: 3 }),
});

/** Fields whose values are not distinctive: a role name or a version number may appear anywhere. */
const ENUMERATED = new Set(['actorRole', 'version']);

/** The values of an internal part worth looking for: every string in it. */
export function secretValues(internal: unknown): string[] {
  if (typeof internal === 'string') return [internal];
  if (Array.isArray(internal)) return internal.flatMap(secretValues);
  if (internal && typeof internal === 'object') {
    return Object.entries(internal).flatMap(([key, value]) =>
      ENUMERATED.has(key) ? [] : secretValues(value),
    );
  }
  return [];
}

/** The secrets found in a text (empty when nothing leaked). */
export function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}
