import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

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

/**
 * What no field of any request may hold, whatever its DTO: prototype keys; the NUL character,
 * which PostgreSQL cannot store in text (it would fail as a 500 deep in the query); and `null` —
 * a field is given or left out, and class-validator's IsOptional would otherwise take `null` for
 * "absent" and let `{"ownerEnterprise": null}` through.
 */
export function unsafeInput(value: unknown, path: string, depth = 0): FieldError[] {
  if (value === null && path !== '') return [{ field: path, rules: [`${path} must not be null (leave the field out instead)`] }];
  if (typeof value === 'string') return value.includes('\u0000') ? [{ field: path, rules: [`${path} must not contain the NUL character`] }] : [];
  if (typeof value !== 'object' || value === null || depth > 20) return [];
  return Object.keys(value).flatMap((key) => {
    const field = path ? `${path}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) return [{ field, rules: [`property ${key} should not exist`] }];
    return unsafeInput((value as Record<string, unknown>)[key], field, depth + 1);
  });
}

/**
 * Whitelisting validation: unknown fields are rejected, and every bad field is named with the rule
 * it breaks, both in `message` (readable) and in `fields` (for programs). Every argument — body,
 * query, path parameter, typed or not — is first screened by `unsafeInput`.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const unsafe = unsafeInput(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (unsafe.length > 0) throw badRequest(unsafe);
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
