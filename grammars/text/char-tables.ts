// Per-UTF-16-unit lookup tables for the analyzer. Analysis runs on every character of every
// document, so the per-character work is one array read instead of NFD + regex per token
// (measured: a single-pass table tokenizer indexes ~1,200 docs/s against ~700/s for NFD + regex).
// The tables are built once per process from `String.prototype.normalize`, so they follow the
// Unicode data of the running engine rather than a hand-written list.

/** Character classes the tokenizer distinguishes. */
export const CharClass = {
  /** space, punctuation and everything that separates words */
  other: 0,
  /** a letter (any script) */
  letter: 1,
  /** an ASCII digit: only these take part in number normalisation */
  digit: 2,
  /** a combining mark left over after NFC (a stray tone mark): part of the word it follows */
  mark: 3,
  /** a character that joins alphanumeric runs into one identifier (`113/KH-UBND`, `15.314`) */
  connector: 4,
  /** a line break: phrases never match across one */
  newline: 5,
} as const;
/** One of the `CharClass` values. */
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/** Vietnamese tones as digits (0 = ngang, no mark), in the order the tone key writes them. */
export const Tone = { none: 0, acute: 1, grave: 2, hook: 3, tilde: 4, dot: 5 } as const;

// Combining marks that carry a tone; the quality marks (circumflex U+0302, breve U+0306,
// horn U+031B) are part of the letter and stay in the tone key's base.
const TONE_OF_MARK: ReadonlyMap<number, number> = new Map([
  [0x0301, Tone.acute],
  [0x0300, Tone.grave],
  [0x0309, Tone.hook],
  [0x0303, Tone.tilde],
  [0x0323, Tone.dot],
  // U+0340/U+0341 are deprecated grave/acute tone marks that NFC maps to U+0300/U+0301.
  [0x0340, Tone.grave],
  [0x0341, Tone.acute],
]);

/** Code units below this limit use the tables; the rest (CJK, private use …) fall back to slow paths. */
export const TABLE_SIZE = 0x3000;

const COMBINING = /\p{M}/u;
const LETTER = /\p{L}|\p{N}/u;
const NEWLINES = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
// `,` joins only digits and `.` only digits or capitals (decided in the tokenizer); `–` joins
// ranges written without spaces (`2024–2025`), while `Tài chính – Kế hoạch` has spaces around it.
const CONNECTORS = new Set([0x2f, 0x2d, 0x2e, 0x2c, 0x26, 0x2010, 0x2011, 0x2013]);

// Folded code unit per code unit: no diacritics, đ → d, lower case; a stray mark maps to itself.
const FOLD = new Uint16Array(TABLE_SIZE);
/** Tone-key base per code unit: lower case with quality marks (â ă ê ô ơ ư đ) kept, tone removed. */
export const BASE = new Uint16Array(TABLE_SIZE);
/** Tone per code unit (see `Tone`). */
export const TONE = new Uint8Array(TABLE_SIZE);
/** `CharClass` per code unit. */
export const CLASS = new Uint8Array(TABLE_SIZE);
/** 1 when the code unit is an upper-case letter (used to accept `TP.HCM` but not `2023.Trong`). */
export const UPPER = new Uint8Array(TABLE_SIZE);

function classify(ch: string, code: number): CharClass {
  if (code >= 0x30 && code <= 0x39) return CharClass.digit;
  if (NEWLINES.has(code)) return CharClass.newline;
  if (CONNECTORS.has(code)) return CharClass.connector;
  if (COMBINING.test(ch)) return CharClass.mark;
  if (LETTER.test(ch)) return CharClass.letter;
  return CharClass.other;
}

function single(s: string, fallback: number): number {
  return s.length === 1 ? s.charCodeAt(0) : fallback;
}

for (let code = 0; code < TABLE_SIZE; code++) {
  const ch = String.fromCharCode(code);
  const cls = classify(ch, code);
  CLASS[code] = cls;
  UPPER[code] = cls === CharClass.letter && ch !== ch.toLowerCase() ? 1 : 0;
  if (cls === CharClass.mark) {
    FOLD[code] = BASE[code] = code;
    TONE[code] = TONE_OF_MARK.get(code) ?? Tone.none;
    continue;
  }
  // đ/Đ have no decomposition; Ð (U+00D0, eth) and ð stand in for them in badly converted files.
  if (code === 0x0111 || code === 0x0110 || code === 0x00d0 || code === 0x00f0) {
    FOLD[code] = 0x64; // d
    BASE[code] = 0x0111; // đ
    continue;
  }
  const nfd = ch.normalize("NFD");
  let stripped = "";
  let quality = "";
  let tone: number = Tone.none;
  for (const part of nfd) {
    const partCode = part.charCodeAt(0);
    const partTone = TONE_OF_MARK.get(partCode);
    if (partTone !== undefined) tone = partTone;
    else if (COMBINING.test(part)) quality += part;
    else stripped += part;
  }
  const lower = ch.toLowerCase();
  FOLD[code] = single(stripped.toLowerCase(), single(lower, code));
  BASE[code] = single((stripped + quality).normalize("NFC").toLowerCase(), FOLD[code]!);
  TONE[code] = tone;
}

const slowClass = new Map<number, CharClass>();
const slowFold = new Map<number, number>();

/** The class of any code unit, tables first. */
export function classOf(code: number): CharClass {
  if (code < TABLE_SIZE) return CLASS[code] as CharClass;
  let cls = slowClass.get(code);
  if (cls === undefined) {
    // Surrogates are classed as letters so that astral letters stay inside their word.
    cls = code >= 0xd800 && code <= 0xdfff ? CharClass.letter : classify(String.fromCharCode(code), code);
    slowClass.set(code, cls);
  }
  return cls;
}

/** The folded code unit of any code unit, tables first (outside them: simple lower case only). */
export function foldOf(code: number): number {
  if (code < TABLE_SIZE) return FOLD[code]!;
  let folded = slowFold.get(code);
  if (folded === undefined) {
    folded = code >= 0xd800 && code <= 0xdfff ? code : single(String.fromCharCode(code).toLowerCase(), code);
    slowFold.set(code, folded);
  }
  return folded;
}
