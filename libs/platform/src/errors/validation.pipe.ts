import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainTextViolation } from '../http/plain-text';
import { fieldErrors, type FieldError } from './field-errors';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Keys that would reach an object's prototype machinery; class-transformer's whitelist lets them through. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep a request's values may nest: far beyond any DTO, far below what recursive code (class-transformer) survives. */
export const MAX_INPUT_DEPTH = 32;

/** How many of its faults a refusal names: enough to fix a request, too few to amplify a hostile one. */
const MAX_REPORTED_FAULTS = 20;

/** A value met while screening an input; its field's name is only spelled out when it is at fault. */
interface InputNode {
  value: unknown;
  key: string | number | undefined;
  parent: InputNode | undefined;
  depth: number;
}

/** `items.0.note`, after `root` (the parameter's name; empty for a body). */
function fieldOf(node: InputNode, root: string): string {
  const keys: (string | number)[] = [];
  for (let at: InputNode | undefined = node; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return [root, ...keys.reverse()].filter((part) => part !== '').join('.');
}

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
  const fault = (at: InputNode, rule: (field: string) => string) => {
    const field = fieldOf(at, path);
    errors.push({ field: field || 'body', rules: [rule(field || 'body')] });
  };
  const pending: InputNode[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  for (
    let node = pending.pop();
    node !== undefined && errors.length < MAX_REPORTED_FAULTS;
    node = pending.pop()
  ) {
    const current = node.value;
    if (current === null) {
      if (node.parent !== undefined || path !== '')
        fault(node, (field) => `${field} must not be null (leave the field out instead)`);
    } else if (typeof current === 'string') {
      const violation = plainTextViolation(current, text);
      if (violation) fault(node, (field) => `${field} ${violation}`);
    } else if (typeof current === 'object') {
      if (node.depth >= MAX_INPUT_DEPTH) {
        fault(node, (field) => `${field} nests deeper than ${MAX_INPUT_DEPTH} levels`);
        continue;
      }
      // Children in reverse, so that they are popped, and their faults named, in the order of the input.
      const keys: (string | number)[] = Array.isArray(current) ? [] : Object.keys(current);
      for (let index = (Array.isArray(current) ? current.length : keys.length) - 1; index >= 0; index -= 1) {
        const key = Array.isArray(current) ? index : keys[index]!;
        const child = {
          value: (current as Record<string | number, unknown>)[key],
          key,
          parent: node,
          depth: node.depth + 1,
        };
        if (typeof key === 'string' && PROTOTYPE_KEYS.has(key))
          fault(child, () => `property ${key} should not exist`);
        else pending.push(child);
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
      if (unsafe.length > 0) throw fieldErrors(unsafe);
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
    exceptionFactory: (errors) => fieldErrors(flatten(errors)),
  });
}
