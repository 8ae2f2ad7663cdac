import { applyDecorators } from '@nestjs/common';
import { Matches, ValidateBy } from 'class-validator';
import { isMeaningfulQuarter, MEANINGFUL_QUARTERS } from '@banjie/domain';

const SHAPE = /^\d{4}-Q[1-4]$/;

/** A quarter written 'YYYY-Qn' within the quarters Banjie can mean, 2000-Q1 to 2100-Q4 (MEANINGFUL_QUARTERS). */
export const IsQuarter = () =>
  applyDecorators(
    Matches(SHAPE, { message: "$property must be a quarter 'YYYY-Qn' (n = 1..4), e.g. 2023-Q1" }),
    ValidateBy({
      name: 'isMeaningfulQuarter',
      validator: {
        // A value of another shape gets the shape rule's message alone.
        validate: (value: unknown) =>
          typeof value !== 'string' || !SHAPE.test(value) || isMeaningfulQuarter(value),
        defaultMessage: () =>
          `$property must be a quarter from ${MEANINGFUL_QUARTERS.first} to ${MEANINGFUL_QUARTERS.last}`,
      },
    }),
  );
