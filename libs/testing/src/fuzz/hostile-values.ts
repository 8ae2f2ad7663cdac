/** Values no Banjie field accepts where a date, a number, an enum or a code is expected. */
export const BAD_DATES = ['2023-02-30', '2023-13-01', '2023-1-1', '99999-01-01', '2023-03-01T00:00:00Z', '', 'yesterday', '0000-00-00'];

export const INJECTION_STRINGS = [
  "'; DROP TABLE intake.projects; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00%27%22',
];

export const UNICODE_EDGES = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\u202Egnp.exe',
  'z\u200B\u200C\u200D',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦'.repeat(500),
  '\uFEFF',
  '𠮷野家',
];

/** A value of another JSON type than `type`. */
export function wrongTypeValues(type: string | undefined): unknown[] {
  const all: Record<string, unknown[]> = {
    string: [42, true, { nested: 'x' }, ['x'], null],
    number: ['12', 'NaN', true, null, {}, 1e309, -1],
    integer: ['1', 1.5, true, null, -1, 2 ** 53 + 2],
    boolean: ['true', 0, null, []],
    array: ['x', 1, { 0: 'x' }, null],
    object: ['x', 1, [], null],
  };
  return all[type ?? 'object'] ?? [null];
}

export const MALFORMED_BODIES = ['{', '{"a":', 'null', '[]', '"just a string"', '\uFEFF{}', '{"__proto__":{"admin":true}}', 'NaN', '{"a":1,"a":2'];
