import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsLocalDate } from './is-local-date.decorator';

class DayDto {
  @IsLocalDate()
  asOf!: unknown;
}

const rulesFor = (asOf: unknown) =>
  validateSync(plainToInstance(DayDto, { asOf })).flatMap((error) => Object.values(error.constraints ?? {}));

describe('a date field', () => {
  it.each(['2000-01-01', '2000-02-29', '2023-03-31', '2024-02-29', '2100-12-31'])('takes %s', (asOf) => {
    expect(rulesFor(asOf)).toEqual([]);
  });

  it.each(['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01'])(
    'refuses the real day %s by the range, naming the field',
    (asOf) => {
      expect(rulesFor(asOf)).toContain('asOf must be a day from 2000-01-01 to 2100-12-31');
    },
  );

  it.each(['2023-02-30', '2100-02-29', '+010000-01-01', '10000-01-01', '2023-3-1'])(
    'refuses %s by its shape alone',
    (asOf) => {
      expect(rulesFor(asOf)).toContain('asOf must be a calendar date YYYY-MM-DD');
      expect(rulesFor(asOf).join()).not.toMatch(/from 2000/);
    },
  );
});
