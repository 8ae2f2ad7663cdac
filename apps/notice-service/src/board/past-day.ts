import { parseLocalDate, type LocalDate } from '@banjie/domain';
import { DomainException } from '@banjie/platform';

/** The day an `asOf` asks for, refused (400 naming `asOf`) when it is after today: the board shows only what stood. */
export function pastDay(asOf: string, today: LocalDate): LocalDate {
  const day = parseLocalDate(asOf);
  if (day > today)
    throw new DomainException(
      'bad-request',
      'AS_OF_IN_FUTURE',
      `asOf: ${day} is after today (${today}, Asia/Shanghai); the board can only be shown as it stood`,
    );
  return day;
}
