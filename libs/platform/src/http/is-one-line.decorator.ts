import { ValidateBy } from 'class-validator';
import { plainTextViolation } from './plain-text';

const oneLine = { multiLine: false };

/**
 * One line of plain text (a name, a place, a document number): besides what every text field
 * refuses (see plainTextViolation), no line break and no tab.
 */
export const IsOneLine = (): PropertyDecorator =>
  ValidateBy({
    name: 'isOneLine',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' || plainTextViolation(value, oneLine) === undefined,
      defaultMessage: (args) =>
        `$property ${plainTextViolation(String(args?.value), oneLine) ?? 'must be one line of plain text'}`,
    },
  });
