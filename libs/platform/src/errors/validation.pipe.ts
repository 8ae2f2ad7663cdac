import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainTextViolation } from '../http/plain-text';

export interface FieldError {
  field: string;
  rules: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function badRequest(fields: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.flatMap(({ field, rules }) => rules.map((rule) => (rule.startsWith(field) ? rule : `${field}: ${rule}`))),
    fields,
  });
}

/** Keys that would reach an object's prototype machinery; class-transformer's whitelist lets them through. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep a request's values may nest: far beyond any DTO, far below what recursive code (class-transformer) survives. */
export const MAX_INPUT_DEPTH = 32;

/** How many of its faults a refusal names: enough to fix a request, too few to amplify a hostile one. */
const MAX_REPORTED_FAULTS = 20;

/** The arguments screened: what comes from the request itself. */
type RequestInput = 'body' | 'query' | 'param';
const REQUEST_INPUTS = new Set<string>(['body', 'query', 'param'] satisfies RequestInput[]);

/**
 * What no field of any request may hold, whatever its DTO: prototype keys; text that is not plain
 * (control, bidirectional and zero-width characters, lone surrogates: plainTextViolation) — NUL
 * and lone surrogates would fail deep in PostgreSQL as 500s, the others would reach the public
 * board and logs; `null` — a field is given or left out, and class-validator's IsOptional would
 * otherwise take `null` for "absent" and let `{"ownerEnterprise": null}` through; and nesting
 * deeper than MAX_INPUT_DEPTH. Walked with an explicit stack, not recursion: a 5,000-deep array
 * is refused here instead of overflowing the call stack. Names at most MAX_REPORTED_FAULTS faults.
 */
export function unsafeInput(value: unknown, path: string, source: RequestInput = 'body'): FieldError[] {
  // A body's text may span lines (notes, reasons); a query or path parameter may not.
  const text = { multiLine: source === 'body' };
  const errors: FieldError[] = [];
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: path, depth: 0 }];
  for (let next = pending.pop(); next !== undefined && errors.length < MAX_REPORTED_FAULTS; next = pending.pop()) {
    const { field, depth } = next;
    const name = field || 'body';
    if (next.value === null) {
      if (field !== '') errors.push({ field, rules: [`${field} must not be null (leave the field out instead)`] });
    } else if (typeof next.value === 'string') {
      const violation = plainTextViolation(next.value, text);
      if (violation) errors.push({ field: name, rules: [`${name} ${violation}`] });
    } else if (typeof next.value === 'object') {
      if (depth >= MAX_INPUT_DEPTH) {
        errors.push({ field: name, rules: [`${name} nests deeper than ${MAX_INPUT_DEPTH} levels`] });
        continue;
      }
      const object = next.value as Record<string, unknown>;
      const children = Object.keys(object).map((key) => ({ key, field: field ? `${field}.${key}` : key }));
      for (const { key, field: child } of children.reverse()) {
        if (PROTOTYPE_KEYS.has(key)) errors.push({ field: child, rules: [`property ${key} should not exist`] });
        else pending.push({ value: object[key], field: child, depth: depth + 1 });
      }
    }
  }
  return errors.slice(0, MAX_REPORTED_FAULTS);
}

/**
 * Whitelisting validation: unknown fields are rejected, and every bad field is named with the rule
 * it breaks, both in `message` (readable) and in `fields` (for programs). Every argument that
 * comes from the request — body, query, path parameter, typed or not — is first screened by
 * `unsafeInput`, before anything recursive (class-transformer) touches it.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (REQUEST_INPUTS.has(metadata.type)) {
      const source = metadata.type as RequestInput;
      const unsafe = unsafeInput(value, source === 'body' ? '' : (metadata.data ?? source), source);
      if (unsafe.length > 0) throw badRequest(unsafe);
    }
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => badRequest(flatten(errors)),
  });
}
