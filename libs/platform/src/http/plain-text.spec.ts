import { FORBIDDEN_IN_ONE_LINE, plainTextViolation, SUSPECT } from './plain-text';

describe('plain text', () => {
  it('looks closer at every character the rules refuse: the quick filter misses none of the BMP', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const character = String.fromCharCode(code);
      if (FORBIDDEN_IN_ONE_LINE.test(character) && !SUSPECT.test(character)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('refuses astral format characters (tags) and accepts astral letters and emoji', () => {
    expect(plainTextViolation('玉门\u{E0041}', { multiLine: true })).toBe(
      'must not contain an invisible formatting character: U+E0041 at position 2',
    );
    expect(plainTextViolation('𠮷野家 🚀 👍🏽', { multiLine: false })).toBeUndefined();
  });
});
