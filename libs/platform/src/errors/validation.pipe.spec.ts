import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { MAX_INPUT_DEPTH, strictValidationPipe, unsafeInput } from './validation.pipe';

class NameDto {
  @IsString()
  name!: string;
}

class ItemDto {
  @IsOptional()
  @IsString()
  note?: string;
}

class ItemsDto {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items!: ItemDto[];
}

/** `depth` arrays around a 1, parsed from text as a request body is (JSON.stringify itself would overflow). */
const nestedArrays = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);

describe('strict validation', () => {
  it('names a NUL character anywhere in the input', () => {
    expect(unsafeInput({ items: [{ note: 'a\u0000b' }] }, '')).toEqual([
      {
        field: 'items.0.note',
        rules: ['items.0.note must not contain a control character: U+0000 at position 1'],
      },
    ]);
  });

  it('names a lone UTF-16 surrogate, which PostgreSQL would refuse with a 500', () => {
    expect(unsafeInput(JSON.parse('{"items":[{"note":"ok \\ud800"}],"name":"\\udfff"}'), '')).toEqual([
      {
        field: 'items.0.note',
        rules: [
          'items.0.note must not contain a lone UTF-16 surrogate (not a character): U+D800 at position 3',
        ],
      },
      {
        field: 'name',
        rules: ['name must not contain a lone UTF-16 surrogate (not a character): U+DFFF at position 0'],
      },
    ]);
    expect(unsafeInput({ name: '𠮷野家 🚀' }, '')).toEqual([]);
  });

  it('names bidirectional, zero-width, BEL and ANSI escape characters in every string', () => {
    const rulesOf = (text: string) => unsafeInput({ name: text }, '').flatMap((fault) => fault.rules);
    expect(rulesOf('abc\u202Etxt.exe')).toEqual([
      'name must not contain a bidirectional control character: U+202E at position 3',
    ]);
    expect(rulesOf('\u2067x')).toEqual([
      'name must not contain a bidirectional control character: U+2067 at position 0',
    ]);
    expect(rulesOf('玉\u200B门')).toEqual([
      'name must not contain an invisible formatting character: U+200B at position 1',
    ]);
    expect(rulesOf('\uFEFF玉门')).toEqual([
      'name must not contain an invisible formatting character: U+FEFF at position 0',
    ]);
    expect(rulesOf('ding\u0007')).toEqual([
      'name must not contain a control character: U+0007 at position 4',
    ]);
    expect(rulesOf('\u001B[31mred')).toEqual([
      'name must not contain a control character: U+001B at position 0',
    ]);
    expect(rulesOf('\u009B31m')).toEqual(['name must not contain a control character: U+009B at position 0']);
  });

  it('lets Chinese text with full-width punctuation through, and line breaks in a body but not in a query or path parameter', () => {
    expect(
      unsafeInput(
        {
          documentNumber: '玉环审〔2023〕12号',
          note: '材料齐全，予以受理。\n\t第二行：“引号”【括号】',
          space: '玉门\u3000市',
        },
        '',
      ),
    ).toEqual([]);
    expect(unsafeInput('a\nb', 'q', 'query')).toEqual([
      {
        field: 'q',
        rules: ['q must not contain a line break or tab (the field is one line): U+000A at position 1'],
      },
    ]);
    expect(unsafeInput({ q: 'a\tb' }, 'query', 'query').map((fault) => fault.field)).toEqual(['query.q']);
  });

  it('refuses nesting deeper than the limit, naming where, without recursion', () => {
    expect(unsafeInput({ items: nestedArrays(MAX_INPUT_DEPTH - 1) }, '')).toEqual([]);
    const [fault] = unsafeInput({ items: nestedArrays(5_000) }, '');
    expect(fault!.field).toBe(`items${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`);
    expect(fault!.rules).toEqual([`${fault!.field} nests deeper than ${MAX_INPUT_DEPTH} levels`]);
    expect(unsafeInput(nestedArrays(100_000), '')[0]!.field).toBe(
      '0'.repeat(MAX_INPUT_DEPTH).split('').join('.'),
    );
  });

  it('names at most 20 faults: a refusal is never larger than needed', () => {
    expect(unsafeInput({ items: Array.from({ length: 5_000 }, () => 'a\u0000') }, '')).toHaveLength(20);
  });

  it('names a null field: a field is given or left out', () => {
    expect(unsafeInput({ ownerEnterprise: null, helpers: [null] }, '').map((f) => f.field)).toEqual([
      'ownerEnterprise',
      'helpers.0',
    ]);
  });

  it('names prototype keys, which the whitelist would let through', () => {
    expect(
      unsafeInput(JSON.parse('{"name":"x","__proto__":{"admin":true},"nested":{"constructor":1}}'), '').map(
        (f) => f.field,
      ),
    ).toEqual(['__proto__', 'nested.constructor']);
  });

  it('refuses them in a typed body and in an untyped path parameter alike', async () => {
    const pipe = strictValidationPipe();
    await expect(
      pipe.transform({ name: 'x', constructor: 'y' }, { type: 'body', metatype: NameDto }),
    ).rejects.toThrow(BadRequestException);
    await expect(
      pipe.transform('BJ\u00002023', { type: 'param', data: 'code', metatype: String }),
    ).rejects.toMatchObject({
      response: { message: ['code must not contain a control character: U+0000 at position 2'] },
    });
    await expect(pipe.transform({ name: '玉门 ✓ 🚀' }, { type: 'body', metatype: NameDto })).resolves.toEqual(
      { name: '玉门 ✓ 🚀' },
    );
  });

  it('refuses a 5,000-deep body with a 400 before class-transformer recurses into it', async () => {
    await expect(
      strictValidationPipe().transform({ items: nestedArrays(5_000) }, { type: 'body', metatype: ItemsDto }),
    ).rejects.toMatchObject({
      status: 400,
      response: {
        fields: [
          {
            field: expect.stringMatching(/^items(\.0)+$/),
            rules: [expect.stringContaining(`nests deeper than ${MAX_INPUT_DEPTH} levels`)],
          },
        ],
      },
    });
  });

  it('refuses a lone surrogate and a bidi override in a typed body, a query and a path parameter alike', async () => {
    const pipe = strictValidationPipe();
    await expect(
      pipe.transform(JSON.parse('{"items":[{"note":"\\ud83d"}]}'), { type: 'body', metatype: ItemsDto }),
    ).rejects.toMatchObject({
      response: {
        fields: [{ field: 'items.0.note', rules: [expect.stringContaining('lone UTF-16 surrogate')] }],
      },
    });
    await expect(
      pipe.transform({ q: '\u202Egnp' }, { type: 'query', metatype: Object }),
    ).rejects.toMatchObject({
      response: {
        fields: [
          { field: 'query.q', rules: [expect.stringContaining('bidirectional control character: U+202E')] },
        ],
      },
    });
    await expect(
      pipe.transform('BJ-2023\u200B-0001', { type: 'param', data: 'code', metatype: String }),
    ).rejects.toMatchObject({
      response: {
        message: ['code must not contain an invisible formatting character: U+200B at position 7'],
      },
    });
  });

  it("leaves arguments that do not come from the request alone (an event handler's context, the actor)", async () => {
    const context = { args: [{ messages: [{ key: null, value: 'a\u0000' }] }] };
    await expect(
      strictValidationPipe().transform(context, { type: 'custom', metatype: Object }),
    ).resolves.toBe(context);
  });
});
