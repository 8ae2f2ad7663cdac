import { BadRequestException } from '@nestjs/common';

/** A 400 naming the field and the rule, shaped like the validation pipe's. */
export function fieldError(field: string, rule: string, code: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code,
    message: [`${field}: ${rule}`],
    fields: [{ field, rules: [rule] }],
  });
}
