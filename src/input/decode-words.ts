// Decoding a line word by word. A line can hold two encodings: a document converted to Unicode
// in part (`ngàn tấn và xuÊt khÈu trªn d­íi 500 ngµn tÊn`), a font switched mid-line, a table row
// whose cells came from different sources. No reading of the whole line is right there, but
// each legacy-looking word can be: it is decoded on its own and kept only where the result is a
// Vietnamese syllable and the word was not.
import { isBoundary, plausibleCase } from "./decode-score.js";
import { isVietnameseSyllable } from "./vietnamese-syllable.js";

// Characters a legacy reading explains (Latin-1 symbols and letters Vietnamese does not use,
// 1252's 0x80–0x9F letters); the letters beyond 1252 mark a word that is Unicode already.
const LEGACY_IN_WORD = /[\u0080-\u00BF\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE-\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/;
/** Whether text holds a character only a legacy reading explains (a Latin-1 symbol, 1252's 0x80–0x9F). */
export function hasLegacyCharacter(text: string): boolean {
  return LEGACY_IN_WORD.test(text);
}

const UNICODE_LETTER = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;
const DIGIT_BEFORE = /\d$/;
// A Latin-1 capital after a lower-case letter: TCVN3's lower-case toned vowels (`xuÊt`).
const LATIN1_CAPITAL_INSIDE = /[a-z][\u00C0-\u00DE]/;

/** A Vietnamese syllable written in a plausible case (`xuÊt`, TCVN3's `xuất`, is not). */
function isWord(word: string): boolean {
  return isVietnameseSyllable(word) && plausibleCase(word);
}

/**
 * Decodes the legacy-looking words of `text` with `decode`, keeping each only where it reads as a
 * Vietnamese syllable and the word did not; `fixed` counts them. A lone `®` after a number is
 * TCVN3's `đ` (the currency sign, `100.000®`) when `decode` reads it so.
 */
export function decodeWords(text: string, decode: (word: string) => string): { text: string; fixed: number } {
  let out = "";
  let last = 0;
  let fixed = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isBoundary(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isBoundary(text.charCodeAt(i))) i++;
    if (i === start) continue;
    const word = text.slice(start, i);
    if (!(LEGACY_IN_WORD.test(word) || LATIN1_CAPITAL_INSIDE.test(word)) || UNICODE_LETTER.test(word)) continue;
    const decoded = decode(word).normalize("NFC");
    if (decoded === word) continue;
    const currency = word === "®" && decoded === "đ" && DIGIT_BEFORE.test(text.slice(0, start));
    if (!currency && !(isWord(decoded) && !isWord(word.normalize("NFC")))) continue;
    out += text.slice(last, start) + decoded;
    last = i;
    fixed++;
  }
  return fixed ? { text: out + text.slice(last), fixed } : { text, fixed: 0 };
}
