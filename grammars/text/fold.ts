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

const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/**
 * Folds text for comparison: no tone or vowel marks, `đ` → `d`, lower case, single spaces, no
 * punctuation. Names of documents are matched whatever their tone placement (`hoá`/`hóa`), case or
 * diacritics (`nghi quyet` typed by a user).
 * @example foldDiacritics("Nghị quyết số 29-NQ/TW") // "nghi quyet so 29 nq tw"
 */
export function foldDiacritics(text: string): string {
  return foldText(text).replace(NOT_ALPHANUMERIC, " ").trim();
}

const LATIN_MARKS = /[\u0300-\u036f]/g;

/**
 * Takes the marks off Latin letters, case kept (`Đ` → `D`, `đ` → `d`), leaving the text decomposed:
 * for codes and slugs, which are compared or written in ASCII.
 * @example stripMarks("QĐ-UBND Bình Sơn") // "QD-UBND Binh Son"
 */
export function stripMarks(text: string): string {
  return text.normalize("NFD").replace(LATIN_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}
