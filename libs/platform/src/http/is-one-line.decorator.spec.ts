import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsOneLine } from './is-one-line.decorator';

class PlaceDto {
  @IsOneLine()
  name!: unknown;
}

const rulesFor = (name: unknown) =>
  validateSync(plainToInstance(PlaceDto, { name })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('one line of plain text', () => {
  it('refuses a line break or a tab by name, and what every text refuses', () => {
    expect(rulesFor('玉门\n老市区')).toEqual([
      'name must not contain a line break or tab (the field is one line): U+000A at position 2',
    ]);
    expect(rulesFor('玉门\t老市区')).toEqual([
      'name must not contain a line break or tab (the field is one line): U+0009 at position 2',
    ]);
    expect(rulesFor('玉门\u2028老市区')).toEqual([
      'name must not contain a line or paragraph separator: U+2028 at position 2',
    ]);
    expect(rulesFor('\u202Bx')).toEqual([
      'name must not contain a bidirectional control character: U+202B at position 0',
    ]);
  });

  it('lets Chinese names with full-width punctuation and spaces through, and leaves other types to their own rules', () => {
    expect(rulesFor('玉环审〔2023〕12号')).toEqual([]);
    expect(rulesFor('陕煤集团（甘肃）投资有限公司，玉门 分公司')).toEqual([]);
    expect(rulesFor('玉门\u3000市')).toEqual([]);
    expect(rulesFor(42)).toEqual([]);
  });
});
