import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsQuarter } from './is-quarter.decorator';

class QuarterDto {
  @IsQuarter()
  quarter!: unknown;
}

const rulesFor = (quarter: unknown) =>
  validateSync(plainToInstance(QuarterDto, { quarter })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('a quarter parameter', () => {
  it.each(['2000-Q1', '2023-Q1', '2100-Q4'])('takes %s', (quarter) => {
    expect(rulesFor(quarter)).toEqual([]);
  });

  it.each(['9999-Q4', '0001-Q1', '1999-Q4', '2101-Q1'])(
    'refuses %s by the range, naming the parameter',
    (quarter) => {
      expect(rulesFor(quarter)).toEqual(['quarter must be a quarter from 2000-Q1 to 2100-Q4']);
    },
  );

  it.each(['2023-Q5', '10000-Q1', '2023Q1', 2023])('refuses %j by its shape alone', (quarter) => {
    expect(rulesFor(quarter)).toEqual(["quarter must be a quarter 'YYYY-Qn' (n = 1..4), e.g. 2023-Q1"]);
  });
});
