// Folding for diacritic-insensitive search: no diacritics, đ → d, lower case. On NFC text every
// Vietnamese letter is one code unit and folds to one code unit, so the folded string has the
// same length and an offset found in it is the offset in the original (used for highlighting).
import { CharClass, classOf, foldOf } from "./char-tables.js";

const decoder = new TextDecoder("utf-16le");
let scratch = new Uint16Array(16 * 1024);

/**
 * Folds `text` code unit by code unit, keeping stray combining marks in place so that the result
 * always has the length of the input; the analyzer scans this form.
 */
export function foldAligned(text: string): string {
  const length = text.length;
  if (length < 64) {
    let out = "";
    for (let i = 0; i < length; i++) out += String.fromCharCode(foldOf(text.charCodeAt(i)));
    return out;
  }
  if (scratch.length < length) scratch = new Uint16Array(Math.max(length, scratch.length * 2));
  const buffer = scratch;
  for (let i = 0; i < length; i++) buffer[i] = foldOf(text.charCodeAt(i));
  // One native decode instead of string concatenation per character.
  return decoder.decode(buffer.subarray(0, length));
}

/**
 * Folds `text` for search: diacritics removed, đ → d, lower case; the length is preserved when
 * the input is NFC with no stray combining marks (every Vietnamese text `src/input` produces).
 * @example foldText("Huyện ủy Bình Sơn") // "huyen uy binh son"
 */
export function foldText(text: string): string {
  const aligned = foldAligned(text);
  for (let i = 0; i < aligned.length; i++) {
    const code = aligned.charCodeAt(i);
    // Stray marks were kept for alignment; astral marks (surrogate pairs) are not in the tables.
    if (classOf(code) === CharClass.mark || (code >= 0xd800 && code <= 0xdbff)) return aligned.replace(COMBINING_MARKS, "");
  }
  return aligned;
}

const COMBINING_MARKS = /\p{M}/gu;
