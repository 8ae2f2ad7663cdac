import { BadRequestException } from '@nestjs/common';

/** A field at fault and the rules it breaks. */
export interface FieldError {
  field: string;
  rules: string[];
}

/**
 * The one 400 body every refusal of input has: `message` lines "field: rule", the same as `fields`,
 * and an optional machine `code` for refusals that have one.
 */
export function fieldErrors(fields: FieldError[], code?: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    ...(code === undefined ? {} : { code }),
    message: fields.flatMap(({ field, rules }) =>
      rules.map((rule) => (rule.startsWith(field) ? rule : `${field}: ${rule}`)),
    ),
    fields,
  });
}

/** A 400 for one field and one rule. */
export function fieldError(field: string, rule: string, code?: string): BadRequestException {
  return fieldErrors([{ field, rules: [rule] }], code);
}
