import { z } from 'zod';

/** A civil date in Asia/Shanghai, YYYY-MM-DD. */
export const localDate = z.iso.date();
/** A national-style project code, given once for life. */
export const projectCode = z.string().regex(/^BJ-\d{4}-\d{4,}$/, 'must look like BJ-2023-0001');
/** An exact decimal amount, never a float: up to 12 integer and 4 fractional digits. */
export const decimalAmount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be a decimal number with up to 4 decimals');
