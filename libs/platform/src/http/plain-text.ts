/**
 * What a text field may hold: any printable character of any script — Chinese with its full-width
 * punctuation (〔〕，。), emoji, combining marks — but nothing that is invisible, changes how the
 * text around it is displayed, or is not a character at all:
 * - control characters (C0, DEL, C1: NUL, BEL, ESC of ANSI sequences, …), except a line break and
 *   a tab in multi-line text;
 * - format characters (Unicode category Cf): bidirectional controls (U+202A–U+202E, U+2066–U+2069,
 *   U+200E, U+200F, U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF), and the like;
 * - the line and paragraph separators U+2028, U+2029;
 * - lone UTF-16 surrogates, which no encoding can store (PostgreSQL refuses them).
 */
/**
 * A cheap first look, without Unicode property tables (five times faster on Chinese text): every
 * character refused below is in these ranges (astral ones as surrogates); most text has none.
 */
export const SUSPECT =
  /[\0-\x1F\x7F-\x9F\xAD\u0600-\u08FF\u180E\u2000-\u206F\uD800-\uDFFF\uFEFF\uFFF0-\uFFFF]/;
export const FORBIDDEN_IN_ONE_LINE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const FORBIDDEN_IN_MULTI_LINE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function kindOf(character: string): string {
  if (/\p{Cs}/u.test(character)) return 'a lone UTF-16 surrogate (not a character)';
  if (character === '\t' || character === '\n') return 'a line break or tab (the field is one line)';
  if (/\p{Cc}/u.test(character)) return 'a control character';
  if (BIDI_CONTROLS.test(character)) return 'a bidirectional control character';
  if (/\p{Cf}/u.test(character)) return 'an invisible formatting character';
  return 'a line or paragraph separator';
}

/**
 * The rule `value` breaks, as the end of a sentence that starts with the field's name
 * ("must not contain …"), or undefined if it is plain text. One-line text also refuses line breaks and tabs.
 */
export function plainTextViolation(value: string, { multiLine }: { multiLine: boolean }): string | undefined {
  if (!SUSPECT.test(value)) return undefined;
  const match = (multiLine ? FORBIDDEN_IN_MULTI_LINE : FORBIDDEN_IN_ONE_LINE).exec(value);
  if (!match) return undefined;
  const character = match[0];
  const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `must not contain ${kindOf(character)}: ${codePoint} at position ${match.index}`;
}
