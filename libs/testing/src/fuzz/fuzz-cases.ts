import {
  BAD_DATES,
  EXTREME_DATES,
  EXTREME_QUARTERS,
  EXTREME_YEARS,
  FAR_DATES,
  FAR_QUARTERS,
  FAR_YEARS,
  INJECTION_STRINGS,
  MALFORMED_BODIES,
  UNICODE_EDGES,
  wrongTypeValues,
} from './hostile-values';
import { plausibleValue, type Operation, type SchemaObject } from './openapi-operations';
import type { SeededRandom } from '@banjie/domain';

export type BadToken = 'missing' | 'malformed' | 'expired' | 'wrongSignature' | 'algNone';
export const BAD_TOKENS: readonly BadToken[] = [
  'missing',
  'malformed',
  'expired',
  'wrongSignature',
  'algNone',
];

/** Fills a path template's `{params}`: with values of real resources, or with ones that exist nowhere. */
export type PathFiller = (template: string, existing: boolean) => string;

export interface FuzzCase {
  kind: string;
  operation: Operation;
  path: string;
  /** Which token to send: the operation's working token, or a bad one. */
  token: 'valid' | BadToken;
  contentType?: string;
  body?: string;
  /** The fields the mutation broke: a 400 must name one of them. */
  fields?: string[];
}

interface FieldRef {
  path: string[];
  schema: SchemaObject;
  required: boolean;
}

/** Every property of a body schema, nested objects and the items of arrays of objects included. */
function fieldsOf(schema: SchemaObject, prefix: string[] = [], depth = 0): FieldRef[] {
  if (depth > 3) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([name, child]) => {
    const path = [...prefix, name];
    const own: FieldRef = { path, schema: child, required: (schema.required ?? []).includes(name) };
    const nested =
      child.type === 'array' && child.items?.properties
        ? fieldsOf(child.items, [...path, '0'], depth + 1)
        : fieldsOf(child, path, depth + 1);
    return [own, ...nested];
  });
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown, remove = false): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) return;
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
}

const HUGE = 'x'.repeat(2 * 1024 * 1024);

const isDateName = (name: string) => /date/i.test(name) || /(On|Start|Before|asOf)$/.test(name);
const isQuarterName = (name: string) => /quarter/i.test(name);
const isYearName = (name: string) => /year/i.test(name);

/** A real value for a date or period path parameter no known resource fills (the fuzzer then mutates the rest). */
export function plausiblePeriod(name: string): string | undefined {
  if (isQuarterName(name)) return '2023-Q1';
  if (isYearName(name)) return '2023';
  return isDateName(name) ? '2023-03-01' : undefined;
}

/**
 * Well-formed extremes for a date or period parameter. A GET may answer any of them; a command
 * (which must change nothing) gets only the far ones, which no date field accepts.
 */
function extremeValue(param: PeriodParam, command: boolean, random: SeededRandom): string {
  if (isQuarterName(param.name)) return random.pick(command ? FAR_QUARTERS : EXTREME_QUARTERS);
  if (isYearName(param.name)) return random.pick(command ? FAR_YEARS : EXTREME_YEARS);
  return random.pick(command ? FAR_DATES : EXTREME_DATES);
}

/** Percent-encodes, keeping a lone surrogate as the invalid UTF-8 bytes a hostile client would send. */
function encodeHostile(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `%ED%A0%80${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`;
  }
}

/** The hostile strings a path or query parameter gets. */
const HOSTILE_PARAMS = [
  ...INJECTION_STRINGS,
  ...UNICODE_EDGES.slice(0, 6),
  'x'.repeat(10_000),
  '-1',
  '0',
  'null',
  '%',
  '..',
];

/**
 * One malformed or extreme request for `operation`. Every case that is not a GET is invalid by
 * construction (a broken field, a missing one, an unknown one, a bad token, a malformed body, a
 * date or period far from any meaning), so a 2xx to it is a bug; a GET may answer 2xx, but never
 * 5xx and never hang.
 */
export function fuzzCase(operation: Operation, random: SeededRandom, fillPath: PathFiller): FuzzCase {
  const base = { operation, path: fillPath(operation.path, true), token: 'valid' as const };
  // A body the server cannot read may leave an all-optional command valid: aim those at nothing real.
  const unreal = { ...base, path: fillPath(operation.path, false) };
  const periods = periodParams(operation);
  const kinds = [
    'bad-token',
    'bad-path-param',
    'bad-query-param',
    ...(periods.length > 0 ? ['extreme-period'] : []),
    ...(operation.body
      ? [
          'wrong-type',
          'missing-required',
          'unknown-field',
          'bad-date',
          'hostile-string',
          'huge-body',
          'malformed-json',
          'wrong-content-type',
        ]
      : []),
  ]
    .filter((kind) => kind !== 'bad-path-param' || operation.pathParams.length > 0)
    .filter(
      (kind) =>
        kind !== 'bad-query-param' || (operation.method === 'GET' && operation.queryParams.length > 0),
    );
  const kind = random.pick(kinds);
  const body = operation.body ? (plausibleValue(operation.body) as Record<string, unknown>) : undefined;
  const withBody = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });
  const fields = operation.body ? fieldsOf(operation.body) : [];

  switch (kind) {
    case 'bad-token':
      return { ...base, kind, token: random.pick(BAD_TOKENS), ...(body ? withBody(body) : {}) };
    case 'bad-path-param': {
      const param = random.pick(operation.pathParams);
      const path = fillPath(
        operation.path.replace(`{${param}}`, encodeHostile(random.pick(HOSTILE_PARAMS))),
        true,
      );
      return { ...base, kind, path, ...(body ? withBody(body) : {}) };
    }
    case 'bad-query-param': {
      const param = random.pick(operation.queryParams);
      const value =
        param.schema.format === 'date' || isDateName(param.name)
          ? random.pick(BAD_DATES)
          : random.pick([...HOSTILE_PARAMS, 'NOT_A_VALUE']);
      return { ...base, kind, path: `${base.path}?${param.name}=${encodeHostile(value)}` };
    }
    case 'extreme-period': {
      // Every date and period parameter at once, each at an extreme of its own: far years, century
      // edges, leap days, and ranges that are empty (dueBefore before asOf) or span a century.
      const command = operation.method !== 'GET';
      let path = operation.path;
      const query: string[] = [];
      for (const param of periods) {
        const value = extremeValue(param, command, random);
        if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeURIComponent(value));
        else if (random.next() < 0.7) query.push(`${param.name}=${encodeURIComponent(value)}`);
      }
      const filled = fillPath(path, true);
      return {
        ...base,
        kind,
        path: query.length > 0 ? `${filled}?${query.join('&')}` : filled,
        fields: periods.map((param) => param.name),
        ...(body ? withBody(body) : {}),
      };
    }
    case 'wrong-type': {
      const field = random.pick(fields);
      setPath(body!, field.path, random.pick(wrongTypeValues(field.schema.type)));
      return { ...base, kind, fields: [field.path.join('.')], ...withBody(body) };
    }
    case 'missing-required': {
      const required = fields.filter((field) => field.required && field.path.length === 1);
      if (required.length === 0)
        return {
          ...base,
          kind: 'unknown-field',
          fields: ['isAdmin'],
          ...withBody({ ...body, isAdmin: true }),
        };
      const field = random.pick(required);
      setPath(body!, field.path, undefined, true);
      return { ...base, kind, fields: [field.path.join('.')], ...withBody(body) };
    }
    case 'unknown-field': {
      const name = random.pick(['isAdmin', 'status', 'constructor', 'id', 'approvedBy', 'internalNote']);
      return { ...base, kind, fields: [name], ...withBody({ ...body, [name]: random.pick(['x', 1, true]) }) };
    }
    case 'bad-date': {
      const dates = fields.filter(
        (field) => field.schema.format === 'date' || isDateName(field.path[field.path.length - 1]!),
      );
      if (dates.length === 0)
        return {
          ...base,
          kind: 'unknown-field',
          fields: ['isAdmin'],
          ...withBody({ ...body, isAdmin: true }),
        };
      const field = random.pick(dates);
      setPath(body!, field.path, random.pick(BAD_DATES));
      return { ...base, kind, fields: [field.path.join('.')], ...withBody(body) };
    }
    case 'hostile-string': {
      // Hostile text alone may be valid text; an unknown field alongside keeps the request invalid.
      const field = random.pick(fields);
      setPath(body!, field.path, random.pick([...INJECTION_STRINGS, ...UNICODE_EDGES]));
      return {
        ...base,
        kind,
        fields: [field.path.join('.'), 'fuzzMarker'],
        ...withBody({ ...body, fuzzMarker: true }),
      };
    }
    case 'huge-body':
      return { ...base, kind, ...withBody({ ...body, [random.pick(fields)?.path[0] ?? 'name']: HUGE }) };
    case 'malformed-json':
      return { ...unreal, kind, body: random.pick(MALFORMED_BODIES), contentType: 'application/json' };
    default:
      return {
        ...unreal,
        kind,
        body: JSON.stringify(body),
        contentType: random.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml']),
      };
  }
}

interface PeriodParam {
  name: string;
  in: 'path' | 'query';
  format?: string;
}

/** The operation's path and query parameters that hold a date or a period (quarter, year). */
function periodParams(operation: Operation): PeriodParam[] {
  const command = operation.method !== 'GET';
  return [
    ...operation.pathParams.map((name): PeriodParam => ({ name, in: 'path' })),
    ...(command
      ? []
      : operation.queryParams.map(({ name, schema }): PeriodParam => ({
          name,
          in: 'query',
          ...(schema.format ? { format: schema.format } : {}),
        }))),
  ].filter((param) => plausiblePeriod(param.name) !== undefined || param.format === 'date');
}
