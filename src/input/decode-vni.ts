// VNI-Windows: a toned letter is a base letter followed by one mark character (`Coäng` = C o +
// ä(circumflex, dot) n g); ơ, ư, đ and the toned i and ỵ are single characters. Read as
// Windows-1252 the marks are Latin-1 letters, which is how VNI text reaches us, so decoding works
// on characters: pair each base with the mark after it, greedily, taking the case from the base
// (upper-case words are often typed with lower-case marks: `COÄNG`).

// Mark character → [modifier, tone]; the modifier is "^" (circumflex), "(" (breve) or "".
// Tones: 0 none, 1 grave, 2 hook, 3 tilde, 4 acute, 5 dot (as in vietnamese-syllable.ts).
const MARKS = new Map<string, readonly [string, number]>();
const MARK_ROWS: [string, string, number][] = [
  // lower, upper, modifier+tone
  ["ù", "Ù", 4],
  ["ø", "Ø", 1],
  ["û", "Û", 2],
  ["õ", "Õ", 3],
  ["ï", "Ï", 5],
];
for (const [lower, upper, tone] of MARK_ROWS) {
  MARKS.set(lower, ["", tone]);
  MARKS.set(upper, ["", tone]);
}
// Circumflex with none/acute/grave/hook/tilde/dot, then breve likewise.
const MODIFIED: [string, string, string, number][] = [
  ["â", "Â", "^", 0],
  ["á", "Á", "^", 4],
  ["à", "À", "^", 1],
  ["å", "Å", "^", 2],
  ["ã", "Ã", "^", 3],
  ["ä", "Ä", "^", 5],
  ["ê", "Ê", "(", 0],
  ["é", "É", "(", 4],
  ["è", "È", "(", 1],
  ["ú", "Ú", "(", 2],
  ["ü", "Ü", "(", 3],
  ["ë", "Ë", "(", 5],
];
for (const [lower, upper, modifier, tone] of MODIFIED) {
  MARKS.set(lower, [modifier, tone]);
  MARKS.set(upper, [modifier, tone]);
}

// Single characters. í and ì stand for themselves.
const SINGLES = new Map([
  ["ô", "ơ"],
  ["Ô", "Ơ"],
  ["ö", "ư"],
  ["Ö", "Ư"],
  ["ñ", "đ"],
  ["Ñ", "Đ"],
  ["æ", "ỉ"],
  ["Æ", "Ỉ"],
  ["ó", "ĩ"],
  ["Ó", "Ĩ"],
  ["ò", "ị"],
  ["Ò", "Ị"],
  ["î", "ỵ"],
  ["Î", "Ỵ"],
]);

// Base (lower case, after SINGLES) → its form with a modifier.
const MODIFY: Record<string, Record<string, string>> = {
  "^": { a: "â", e: "ê", o: "ô" },
  "(": { a: "ă" },
};
const TONE_MARK = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];
const VOWEL = /^[aeiouyâêôăơư]$/;

/**
 * Re-reads 1252 text (or raw VNI bytes read as 1252) as VNI-Windows.
 * @example decodeVniText("Coäng hoøa xaõ hoäi") // "Cộng hòa xã hội"
 */
export function decodeVniText(text: string): string {
  let out = "";
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    const single = SINGLES.get(c);
    const base = single ?? c;
    const lower = base.toLowerCase();
    const mark = i + 1 < n && VOWEL.test(lower) ? MARKS.get(text[i + 1]!) : undefined;
    let letter: string | undefined;
    if (mark) {
      const [modifier, tone] = mark;
      const modified = modifier ? MODIFY[modifier]![lower] : lower;
      if (modified !== undefined) {
        letter = (modified + TONE_MARK[tone]!).normalize("NFC");
        if (base !== lower) letter = letter.toUpperCase();
      }
    }
    if (letter !== undefined) {
      out += text.slice(start, i) + letter;
      start = i + 2;
      i++;
    } else if (single !== undefined) {
      out += text.slice(start, i) + single;
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}
