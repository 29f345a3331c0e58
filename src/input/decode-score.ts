// How Vietnamese a candidate decoding reads. Byte-level charset detectors cannot tell TCVN3, VNI
// and Windows-1258 apart (they call all three "windows-1258"); counting well-formed syllables in
// each candidate's output can. Only words with a non-ASCII character count: ASCII words read the
// same in every candidate, and a wrong decoding shows up as words that are neither ASCII nor
// Vietnamese.
import { isVietnameseSyllable } from "./vietnamese-syllable.js";

/** Whether a word's letter case is one a word is written in: lower case, capitals, or capitalised. */
export function plausibleCase(word: string): boolean {
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/** Word counts of a candidate decoding. */
export interface VietnameseScore {
  /** Words with a non-ASCII letter that are well-formed syllables, in lower case, capitals or capitalised. */
  syllables: number;
  /** Those of them (two letters or more) with a letter outside Latin-1: ơ, ư, đ, ạ ... */
  specific: number;
  /** Words with a letter and a non-ASCII character that are not syllables. */
  garbage: number;
  /** syllables + specific − 2 × garbage: higher reads more Vietnamese. */
  value: number;
}

// Word boundaries: white space, ASCII punctuation and digits, NBSP and the General Punctuation
// block (quotes, dashes, …). Latin-1 symbols stay inside words: legacy encodings use them as letters.
/** Whether a UTF-16 code unit separates words (legacy encodings' Latin-1 letters and symbols do not). */
export function isBoundary(code: number): boolean {
  if (code < 0x80) return !((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
  return code === 0xa0 || (code >= 0x2000 && code <= 0x206f) || code === 0x3000 || code === 0xfeff;
}

const LETTER = /\p{L}/u;
const ACRONYM = /^[A-ZĐ]+$/;

// A document repeats a few thousand syllables: each word's answer is kept (a bounded cache, cleared
// when full, so a file of random words cannot grow it without end).
const SYLLABLES = new Map<string, boolean>();
const MAX_CACHED = 65536;

function isSyllable(word: string): boolean {
  let known = SYLLABLES.get(word);
  if (known === undefined) {
    if (SYLLABLES.size >= MAX_CACHED) SYLLABLES.clear();
    SYLLABLES.set(word, (known = isVietnameseSyllable(word)));
  }
  return known;
}

/**
 * Counts the well-formed Vietnamese syllables and the garbage words of NFC text.
 * @example scoreVietnamese("Cộng hòa").value // 4; scoreVietnamese("Céng hßa").value // -4
 */
export function scoreVietnamese(text: string): VietnameseScore {
  let syllables = 0;
  let specific = 0;
  let garbage = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isBoundary(text.charCodeAt(i))) i++;
    const start = i;
    let nonAscii = false;
    let asciiLetter = false;
    let beyondLatin1 = false;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (isBoundary(code)) break;
      if (code >= 0x80) {
        nonAscii = true;
        if (code > 0xff) beyondLatin1 = true;
      } else asciiLetter = true;
      i++;
    }
    if (!nonAscii) continue;
    const word = text.slice(start, i);
    // Symbols standing alone (©, ±, €) are not words in any reading, nor are acronyms (HĐND).
    if ((!asciiLetter && !LETTER.test(word)) || ACRONYM.test(word)) continue;
    // `TậT` (VISCII read into TCVN3 capitals) is no way to write a syllable.
    if (isSyllable(word) && plausibleCase(word)) {
      syllables++;
      if (beyondLatin1 && word.length >= 2) specific++;
    } else garbage++;
  }
  return { syllables, specific, garbage, value: syllables + specific - 2 * garbage };
}
