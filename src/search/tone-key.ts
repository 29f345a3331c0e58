// The tone key: the base letters of a syllable (quality marks â ă ê ô ơ ư đ kept, lower case)
// followed by its tone as a digit. Old and new tone placement (`hòa`/`hoà`, `thủy`/`thuỷ`) and
// misplaced marks (`qúy`) give one key, while different tones (`hoà`/`hoá`) or vowels
// (`hơn`/`hôn`) stay apart. The stored text is never rewritten; only keys are compared.
import { BASE, CharClass, TABLE_SIZE, TONE, classOf, foldOf } from "./char-tables.js";

/** The tone key of the word `text[start, end)`, computed without allocating the substring first. */
export function toneKeyOfSpan(text: string, start: number, end: number): string {
  let key = "";
  let tone = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= TABLE_SIZE) {
      key += String.fromCharCode(foldOf(code));
      continue;
    }
    const t = TONE[code]!;
    if (t !== 0) tone = t;
    if (classOf(code) !== CharClass.mark) {
      key += String.fromCharCode(BASE[code]!);
    } else if (t === 0 && key.length > 0) {
      // A quality mark NFC left apart (decomposed input): put it back on its letter if they compose.
      const composed = (key.slice(-1) + String.fromCharCode(code)).normalize("NFC");
      if (composed.length === 1) key = key.slice(0, -1) + composed;
    }
  }
  return tone === 0 ? key : key + String.fromCharCode(0x30 + tone);
}

/**
 * The tone key of each word of `text`, joined by single spaces.
 * @example toneKey("Huyện ủy") === toneKey("Huyện uỷ") // "huyên5 uy3"
 */
export function toneKey(text: string): string {
  const keys: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const cls = i < text.length ? classOf(text.charCodeAt(i)) : CharClass.other;
    const inWord = cls === CharClass.letter || cls === CharClass.digit || cls === CharClass.mark;
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      keys.push(toneKeyOfSpan(text, start, i));
      start = -1;
    }
  }
  return keys.join(" ");
}

/** True when `word` carries any diacritic (tone or quality mark, or đ): a query word typed without them matches all spellings. */
export function hasDiacritics(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (classOf(code) === CharClass.mark) return true;
    const lower = String.fromCharCode(code).toLowerCase().charCodeAt(0);
    if (foldOf(code) !== lower) return true;
  }
  return false;
}
