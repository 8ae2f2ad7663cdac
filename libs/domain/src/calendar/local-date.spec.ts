import {
  addDays,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  InvalidLocalDateError,
  isLocalDate,
  parseLocalDate,
  shanghaiLocalDate,
  toEpochDay,
  tryParseLocalDate,
} from './local-date';

describe('LocalDate', () => {
  it('accepts real dates, including 29 February of a leap year', () => {
    expect(parseLocalDate('2023-03-31')).toBe('2023-03-31');
    expect(parseLocalDate('2024-02-29')).toBe('2024-02-29');
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-3-1',
    '20230301',
    '',
    ' 2023-03-01',
  ])('rejects %j', (input) => {
    expect(isLocalDate(input)).toBe(false);
    expect(tryParseLocalDate(input)).toBeNull();
    expect(() => parseLocalDate(input)).toThrow(InvalidLocalDateError);
  });

  it('rejects non-strings', () => {
    expect(isLocalDate(20230301)).toBe(false);
    expect(tryParseLocalDate(null)).toBeNull();
  });

  it('takes the Shanghai civil date of an instant, not the UTC one', () => {
    // 16:30 UTC on 31 March is already 00:30 on 1 April in Shanghai (UTC+8).
    expect(shanghaiLocalDate(new Date('2023-03-31T16:30:00Z'))).toBe('2023-04-01');
    expect(shanghaiLocalDate(new Date('2023-03-31T15:59:59Z'))).toBe('2023-03-31');
    expect(() => shanghaiLocalDate(new Date('garbage'))).toThrow(InvalidLocalDateError);
  });

  it('does day arithmetic across month and year ends', () => {
    expect(addDays(parseLocalDate('2023-02-28'), 1)).toBe('2023-03-01');
    expect(addDays(parseLocalDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(parseLocalDate('2023-01-01'), -1)).toBe('2022-12-31');
    expect(daysBetween(parseLocalDate('2023-01-01'), parseLocalDate('2023-03-31'))).toBe(89);
  });

  it('refuses to step past 9999-12-31 or before 0001-01-01 (ISO would write +010000-01-01, which sorts before 9999-12-31)', () => {
    expect(addDays(parseLocalDate('9999-12-30'), 1)).toBe('9999-12-31');
    expect(() => addDays(parseLocalDate('9999-12-31'), 1)).toThrow(RangeError);
    expect(() => addDays(parseLocalDate('0001-01-01'), -1)).toThrow(RangeError);
    expect(() => addDays(parseLocalDate('2023-01-01'), 3_000_000)).toThrow(/0001-01-01\.\.9999-12-31/);
    expect(() => fromEpochDay(0.5)).toThrow(RangeError);
  });

  it('places the years 1 to 99 on the day line as themselves, not as 1901 to 1999', () => {
    expect(fromEpochDay(toEpochDay(parseLocalDate('0001-01-01')))).toBe('0001-01-01');
    expect(addDays(parseLocalDate('0099-12-31'), 1)).toBe('0100-01-01');
    expect(daysBetween(parseLocalDate('0001-01-01'), parseLocalDate('1970-01-01'))).toBe(719_162);
  });

  it('knows the weekday', () => {
    expect(dayOfWeek(parseLocalDate('2023-01-28'))).toBe(6); // Saturday
    expect(dayOfWeek(parseLocalDate('2023-01-29'))).toBe(0); // Sunday
    expect(dayOfWeek(parseLocalDate('2023-03-31'))).toBe(5); // Friday
  });
});
