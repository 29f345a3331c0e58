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
// Capitals TCVN3 can write: the ASCII ones and Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7).
const ASCII_UPPER = /[A-ZĂÂÊÔƠƯĐ]/g;
const ASCII_LOWER = /[a-z]/;
const LETTER = /\p{L}/u;

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
// a single ASCII capital (`Vµ`, `Tø`) is ambiguous with a capitalised word (`Hµ` → `Hà`): it is
// upper-cased when it stands in a run of such words, separated by spaces only, that is a heading —
// a run holding two certain capitals words (`GIÁO DỤC Vµ §µO TẠO`), or a whole line (`HUYÖN Tø Kú`)
// — or when both its neighbours are certain capitals words.
function restoreCapitals(text: string): string {
  if (!/[A-Z]/.test(text)) return text;
  const words: { start: number; end: number; caps: 0 | 1 | 2; line: number }[] = [];
  // Per line, the first and last word holding a letter: whether a run is the whole line is then
  // answered without rescanning the line for every run (a long line made that quadratic).
  const firstLettered: number[] = [];
  const lastLettered: number[] = [];
  let line = 0;
  let nextNewline = text.indexOf("\n");
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    while (nextNewline >= 0 && nextNewline < m.index) {
      line++;
      nextNewline = text.indexOf("\n", nextNewline + 1);
    }
    const upper = w.match(ASCII_UPPER)?.length ?? 0;
    // 2: certainly capitals; 1: one ASCII capital and no ASCII lower case; 0: not capitals.
    const caps = ASCII_LOWER.test(w) || upper === 0 ? 0 : upper >= 2 ? 2 : 1;
    if (LETTER.test(w)) {
      firstLettered[line] ??= words.length;
      lastLettered[line] = words.length;
    }
    words.push({ start: m.index, end: m.index + w.length, caps, line });
  }
  const upper = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; ) {
    if (words[i]!.caps === 0) {
      i++;
      continue;
    }
    // The run of capitals-looking words starting here, on one line.
    let j = i;
    let certain = 0;
    // Words of one heading are separated by spaces only: punctuation ends the run (`(TH1 Vũ Lễ, THCS`).
    while (j < words.length && words[j]!.caps > 0 && (j === i || /^[ \t]+$/u.test(text.slice(words[j - 1]!.end, words[j]!.start)))) {
      if (words[j]!.caps === 2) certain++;
      j++;
    }
    // Letters outside the run on its line stand only in the line's other words.
    const runLine = words[i]!.line;
    const wholeLine = (firstLettered[runLine] ?? i) >= i && (lastLettered[runLine] ?? i) <= j - 1;
    const heading = j - i >= 2 && (certain >= 2 || (certain >= 1 && wholeLine));
    for (let k = i; k < j; k++) upper[k] = words[k]!.caps === 2 || heading;
    i = j;
  }
  // And a single-capital word between two certain capitals words, whatever stands between them
  // (`NHIỆM Vô, GI¶I PHÁP`).
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.caps !== 1 || upper[i]) continue;
    const prev = words[i - 1];
    const next = words[i + 1];
    upper[i] = (prev !== undefined || next !== undefined) && (prev === undefined || prev.caps === 2) && (next === undefined || next.caps === 2);
  }
  let out = "";
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    if (!upper[i]) continue;
    const w = words[i]!;
    const word = text.slice(w.start, w.end);
    const up = word.toUpperCase();
    if (up === word) continue;
    out += text.slice(pos, w.start) + up;
    pos = w.end;
  }
  return pos === 0 ? text : out + text.slice(pos);
}

// Toned lower-case vowels: TCVN3 has no capital for any of them.
const TONED_LOWER = /[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/u;
const TERMINAL = /[.;:!?…]["”’)]*\s*$/u;
const NUMBERED = /^(\s*\d{1,2}(?:\.\d{1,2})*\.\s+)/u;

/**
 * Restores the capital a TCVN3 line lost at the start of a paragraph (`ủy ban nhân dân huyện xây
 * dựng …` after a blank line or a sentence end, `3.4. ý kiến …`): a sentence never starts lower
 * case. Blank lines count only where they separate paragraphs, not where a PDF doubled every break.
 */
export function capitaliseParagraphStarts(lines: { text: string; tcvn3: boolean }[]): string[] {
  const nonBlank = lines.filter((l) => l.text.trim()).length;
  let beforeBlank = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (lines[i]!.text.trim() && !lines[i + 1]!.text.trim()) beforeBlank++;
  const blanksSeparateParagraphs = nonBlank > 0 && beforeBlank / nonBlank < 0.5;
  let previous = "";
  let blankBefore = true;
  return lines.map((line) => {
    let text = line.text;
    if (!text.trim()) {
      blankBefore = true;
      return text;
    }
    if (line.tcvn3) {
      const marker = NUMBERED.exec(text)?.[1] ?? "";
      const lead = text.slice(marker.length).match(/^\s*/u)![0].length + marker.length;
      const first = text[lead];
      if (first && TONED_LOWER.test(first) && (marker || TERMINAL.test(previous) || (blankBefore && blanksSeparateParagraphs) || previous === "")) {
        text = text.slice(0, lead) + first.toUpperCase() + text.slice(lead + 1);
      }
    }
    previous = text;
    blankBefore = false;
    return text;
  });
}
