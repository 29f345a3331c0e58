// TCVN3 (TCVN 5712:1993 VN3, the "ABC" code of the .VnTime fonts): one byte per letter over
// 0xA1–0xFE, 74 letters — the capitals Ă Â Ê Ô Ơ Ư Đ and every lower-case toned vowel. iconv-lite's
// `tcvn` is the fuller VN1 code and agrees on those 74 positions; its extra toned capitals there
// are not TCVN3, so they are left out.
import { reinterpretText, tableFromIconv } from "./decode-single-byte.js";

const TCVN3 = tableFromIconv("tcvn", (byte, char) => byte >= 0xa1 && byte <= 0xfe && (byte <= 0xa7 || char !== char.toUpperCase()));

// PDF text extractors normalise two TCVN3 glyphs' 1252 characters: µ (0xB5, à) to Greek μ and the
// soft hyphen (0xAD, ư) to a minus sign.
const EXTRACTOR_FORMS = new Map([
  ["\u03BC", "à"],
  ["\u2212", "ư"],
]);

const WORD = /[\p{L}\p{M}]+/gu;
const ASCII_UPPER = /[A-Z]/g;
const ASCII_LOWER = /[a-z]/;

/**
 * Re-reads 1252 text (or raw TCVN3 bytes read as 1252) as TCVN3, restoring capitals.
 * @example decodeTcvn3Text("Céng hßa x· héi") // "Cộng hòa xã hội"
 */
export function decodeTcvn3Text(text: string): string {
  const decoded = reinterpretText(text, TCVN3, EXTRACTOR_FORMS);
  return decoded === text ? text : restoreCapitals(decoded);
}

// TCVN3 has no toned capitals: headings typed in the .VnTimeH font store lower-case letters that
// the font draws as capitals, while their plain ASCII letters were typed as capitals. A word
// whose ASCII letters are all capitals is therefore a capitals word (`CéNG` → `CỘNG`). A word with
// a single ASCII capital (`X·`) is ambiguous with a capitalised word (`Hµ` → `Hà`), so it is only
// upper-cased between capitals words.
function restoreCapitals(text: string): string {
  if (!/[A-Z]/.test(text)) return text;
  const words: { start: number; end: number; caps: 0 | 1 | 2 }[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const upper = w.match(ASCII_UPPER)?.length ?? 0;
    // 2: certainly capitals; 1: one ASCII capital and no ASCII lower case; 0: not capitals.
    const caps = ASCII_LOWER.test(w) || upper === 0 ? 0 : upper >= 2 ? 2 : 1;
    words.push({ start: m.index, end: m.index + w.length, caps });
  }
  let out = "";
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let upper = w.caps === 2;
    if (w.caps === 1) {
      const prev = words[i - 1];
      const next = words[i + 1];
      upper = (prev !== undefined || next !== undefined) && (prev === undefined || prev.caps === 2) && (next === undefined || next.caps === 2);
    }
    if (!upper) continue;
    const word = text.slice(w.start, w.end);
    const up = word.toUpperCase();
    if (up === word) continue;
    out += text.slice(pos, w.start) + up;
    pos = w.end;
  }
  return pos === 0 ? text : out + text.slice(pos);
}
