import { BadRequestException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { strictValidationPipe, unsafeInput } from './validation.pipe';

class NameDto {
  @IsString()
  name!: string;
}

describe('strict validation', () => {
  it('names a NUL character anywhere in the input', () => {
    expect(unsafeInput({ items: [{ note: 'a\u0000b' }] }, '')).toEqual([{ field: 'items.0.note', rules: ['items.0.note must not contain the NUL character'] }]);
  });

  it('names a null field: a field is given or left out', () => {
    expect(unsafeInput({ ownerEnterprise: null, helpers: [null] }, '').map((f) => f.field)).toEqual(['ownerEnterprise', 'helpers.0']);
  });

  it('names prototype keys, which the whitelist would let through', () => {
    expect(unsafeInput(JSON.parse('{"name":"x","__proto__":{"admin":true},"nested":{"constructor":1}}'), '').map((f) => f.field)).toEqual(['__proto__', 'nested.constructor']);
  });

  it('refuses them in a typed body and in an untyped path parameter alike', async () => {
    const pipe = strictValidationPipe();
    await expect(pipe.transform({ name: 'x', constructor: 'y' }, { type: 'body', metatype: NameDto })).rejects.toThrow(BadRequestException);
    await expect(pipe.transform('BJ\u00002023', { type: 'param', data: 'code', metatype: String })).rejects.toMatchObject({
      response: { message: ['code must not contain the NUL character'] },
    });
    await expect(pipe.transform({ name: '玉门 ✓ 🚀' }, { type: 'body', metatype: NameDto })).resolves.toEqual({ name: '玉门 ✓ 🚀' });
  });
});
