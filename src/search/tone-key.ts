// The tone key: the base letters of a syllable (quality marks â ă ê ô ơ ư đ kept, lower case)
// followed by its tone as a digit. Old and new tone placement (`hòa`/`hoà`, `thủy`/`thuỷ`) and
// misplaced marks (`qúy`) give one key, while different tones (`hoà`/`hoá`) or vowels
// (`hơn`/`hôn`) stay apart. The stored text is never rewritten; only keys are compared.
import { BASE, CharClass, TABLE_SIZE, TONE, classOf, foldOf } from "../../grammars/text/char-tables.js";

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

const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const VOWELS = new Set("aăâeêioôơuưy");
// Each vowel with each tone, composed once: `${vowel}${tone}` → `ầ`.
const TONED = new Map<string, string>([...VOWELS].flatMap((v) => TONE_MARKS.map((mark, tone) => [`${v}${tone}`, (v + mark).normalize("NFC")] as [string, string])));

/**
 * Every spelling of a word that has its tone key, in lower, capitalised and upper case: the tone
 * mark on each vowel in turn covers old and new placement (`hòa`, `hoà`) and misplaced marks
 * (`hòan` for `hoàn`). Looking these up in the original text finds exact-diacritic matches
 * without folding the text.
 * @example spellingsOf("hoà") // ["hòa", "HÒA", "Hòa", "hoà", "HOÀ", "Hoà"]
 */
export function spellingsOf(word: string): string[] {
  const nfc = word.normalize("NFC");
  const bases: string[] = [];
  let tone = 0;
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    if (code < TABLE_SIZE) {
      if (TONE[code] !== 0) tone = TONE[code]!;
      if (classOf(code) !== CharClass.mark) bases.push(String.fromCharCode(BASE[code]!));
    } else {
      bases.push(String.fromCharCode(foldOf(code)));
    }
  }
  const lower = new Set<string>();
  if (tone === 0) lower.add(bases.join(""));
  else {
    bases.forEach((base, i) => {
      if (VOWELS.has(base)) lower.add(bases.slice(0, i).join("") + TONED.get(`${base}${tone}`)! + bases.slice(i + 1).join(""));
    });
  }
  const spellings = new Set<string>();
  for (const spelling of lower) {
    spellings.add(spelling);
    spellings.add(spelling.toUpperCase());
    spellings.add(spelling.charAt(0).toUpperCase() + spelling.slice(1));
  }
  return [...spellings];
}

// A reading term joins a folded term and the tone key of one of its spellings (`hoa~hoa2` for
// `hòa`/`hoà`): the index holds it beside the folded term for every word written with diacritics,
// so that the documents with one reading, and how many there are, are read from the index.
// The tokenizer never puts `~` in a term, so reading terms neither collide with words nor turn up
// as their prefix or typo expansions unless asked for (`hoa~`).
const READING_SEPARATOR = "~";

/** The index term of one reading of a folded word: `readingTerm("hoa", "hoa2")` is the term of `hòa`. */
export function readingTerm(folded: string, key: string): string {
  return folded + READING_SEPARATOR + key;
}

/** The prefix every reading term of a folded word starts with. */
export function readingPrefix(folded: string): string {
  return folded + READING_SEPARATOR;
}

/** True for a reading term (see `readingTerm`). */
export function isReadingTerm(term: string): boolean {
  return term.includes(READING_SEPARATOR);
}

/** The tone key of a reading term (`hoa~hoa2` → `hoa2`). */
export function toneKeyOfReading(term: string): string {
  return term.slice(term.indexOf(READING_SEPARATOR) + 1);
}

const QUALITY_VOWELS = new Set("ăâêôơư");

/**
 * A spelling of a tone key, to show which reading was taken: the tone on the vowel that carries a
 * quality mark, else on the last vowel before a final consonant, else on the first of two final
 * vowels (the older placement, `hòa`, `thủy`, as most documents write it).
 * @example spellingOfToneKey("giai3") // "giải"
 */
export function spellingOfToneKey(key: string): string {
  const tone = /\d$/.test(key) ? Number(key.slice(-1)) : 0;
  const base = tone === 0 ? key : key.slice(0, -1);
  if (tone === 0) return base;
  // `gi` and `qu` before a vowel are initials: their vowel letter is not the nucleus.
  const onset = /^(?:gi|qu)(?=[aăâeêioôơuưy])/.test(base) ? 2 : 0;
  const vowels: number[] = [];
  for (let i = onset; i < base.length; i++) if (VOWELS.has(base[i]!)) vowels.push(i);
  if (vowels.length === 0) return base;
  const quality = vowels.filter((i) => QUALITY_VOWELS.has(base[i]!));
  const lastVowel = vowels.at(-1)!;
  let at: number;
  if (quality.length > 0) at = quality.at(-1)!;
  else if (lastVowel < base.length - 1 || vowels.length === 1) at = lastVowel;
  else at = vowels.at(-2)!;
  return base.slice(0, at) + TONED.get(`${base[at]}${tone}`)! + base.slice(at + 1);
}
