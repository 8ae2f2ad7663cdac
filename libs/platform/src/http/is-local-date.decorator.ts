import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, ValidateBy } from 'class-validator';
import { isLocalDate, isMeaningfulDate, MEANINGFUL_DATES } from '@banjie/domain';

const shape = { message: '$property must be a calendar date YYYY-MM-DD' };

/** Within MEANINGFUL_DATES; a value that is no date at all is left to the shape rule's message. */
const withinMeaningfulDates = () =>
  ValidateBy({
    name: 'isMeaningfulDate',
    validator: {
      validate: (value: unknown) => !isLocalDate(value) || isMeaningfulDate(value),
      defaultMessage: () =>
        `$property must be a day from ${MEANINGFUL_DATES.first} to ${MEANINGFUL_DATES.last}`,
    },
  });

/**
 * A real civil date written YYYY-MM-DD (2023-02-30 and 2023-3-1 are refused) within the days
 * Banjie can mean, 2000-01-01 to 2100-12-31 (MEANINGFUL_DATES): every date field of every DTO.
 */
export const IsLocalDate = () =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, shape),
    Matches(/^\d{4}-\d{2}-\d{2}$/, shape),
    withinMeaningfulDates(),
  );
