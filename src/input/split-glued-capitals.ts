// Words in capitals glued where a collapsed table cell lost its line breaks: a signature cell
// `TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG` / `PHÓ THỦ TƯỚNG` flattened reads `CHÍNH PHỦKT. THỦ
// TƯỚNGPHÓ THỦ TƯỚNG`. Vietnamese writes every syllable as a word, so a word in capitals that is
// no syllable but divides in exactly one way into two (or a syllable and an authority prefix,
// `KT.`) is two words. Acronyms (`UBND`, `HĐND`, `BCĐQG`) divide into no two syllables and stay.
import { TextBuilder, type OffsetMap } from "./offset-map.js";
import { isVietnameseSyllable } from "./vietnamese-syllable.js";

// Runs of capitals; the word must stand between non-letters (`NAMĐộc`, capitals then lower case,
// is left) and hold a letter outside ASCII (so `HANOI` or a brand stays as written). Lookarounds in
// the pattern itself made the scan of every document three times slower, and the Unicode
// property classes three times again: the letters are spelled out (Latin Extended Additional
// whole, so a run is checked for capitals after).
const CAPITALS_RUN = /[A-Z\u00C0-\u00DD\u0102\u0110\u0128\u0168\u01A0\u01AF\u1EA0-\u1EF9\u0300-\u036f]{4,}/g;
const LETTER = /[\p{L}\p{M}]/u;
const NON_ASCII = /[^\x00-\x7F]/u;
// Authority prefixes (NĐ 30/2020 Điều 8.7) a glued office can run into: followed by their dot.
const PREFIXES = new Set(["TM", "KT", "TL", "TUQ"]);

/**
 * Puts a space between two words in capitals glued by a lost line break; null when there are none.
 * @example splitGluedCapitals("CHÍNH PHỦKT. THỦ TƯỚNGPHÓ")?.text // "CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ"
 */
export function splitGluedCapitals(text: string): { text: string; map: OffsetMap } | null {
  const cuts: number[] = [];
  for (const m of text.matchAll(CAPITALS_RUN)) {
    const word = m[0];
    const before = text[m.index - 1];
    const after = text[m.index + word.length];
    if ((before !== undefined && LETTER.test(before)) || (after !== undefined && LETTER.test(after)) || !NON_ASCII.test(word) || word !== word.toUpperCase()) continue;
    if (isVietnameseSyllable(word)) continue;
    const cut = onlyDivision(word, text[m.index + word.length] === ".");
    if (cut > 0) cuts.push(m.index + cut);
  }
  if (cuts.length === 0) return null;
  const b = new TextBuilder();
  let from = 0;
  for (const at of cuts) {
    b.copy(text.slice(from, at), from);
    b.insert(" ", at);
    from = at;
  }
  b.copy(text.slice(from), from);
  return b.finish(text.length);
}

// Where the word divides into a syllable and a syllable (or a prefix before a dot), when it does
// in exactly one place; 0 otherwise.
function onlyDivision(word: string, dotAfter: boolean): number {
  let found = 0;
  for (let i = 1; i < word.length; i++) {
    const left = word.slice(0, i);
    const right = word.slice(i);
    if (!isVietnameseSyllable(left)) continue;
    if (!(isVietnameseSyllable(right) || (dotAfter && PREFIXES.has(right)))) continue;
    if (found > 0) return 0;
    found = i;
  }
  return found;
}
