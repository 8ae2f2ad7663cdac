import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const rule = { message: '$property must be a calendar date YYYY-MM-DD' };

/** A real civil date written YYYY-MM-DD (2023-02-30 and 2023-3-1 are refused). */
export const IsLocalDate = () => applyDecorators(IsISO8601({ strict: true, strictSeparator: true }, rule), Matches(/^\d{4}-\d{2}-\d{2}$/, rule));
