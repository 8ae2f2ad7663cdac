import { isMeaningfulDate, MEANINGFUL_DATES } from './date-bounds';

describe('meaningful dates', () => {
  it('run from 2000-01-01 to 2100-12-31', () => {
    expect(MEANINGFUL_DATES).toEqual({ first: '2000-01-01', last: '2100-12-31' });
  });

  it.each(['2000-01-01', '2000-02-29', '2004-01-01', '2023-03-31', '2024-02-29', '2099-12-31', '2100-12-31'])(
    'take %s',
    (date) => {
      expect(isMeaningfulDate(date)).toBe(true);
    },
  );

  it.each([
    '1999-12-31',
    '2101-01-01',
    '0001-01-01',
    '9999-12-31',
    '2100-02-29',
    '+010000-01-01',
    '10000-01-01',
    '2023-02-30',
    '',
    20230301,
    null,
  ])('refuse %j', (value) => {
    expect(isMeaningfulDate(value)).toBe(false);
  });
});
