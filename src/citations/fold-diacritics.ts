// Comparison form of Vietnamese text: names of documents are matched whatever their tone
// placement (`hoá`/`hóa`, `khoá`/`khóa`), case or diacritics (`nghi quyet` typed by a user).
import { foldText } from "../text/fold.js";

const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Folds text for comparison: no tone or vowel marks, `đ` → `d`, lower case, single spaces, no punctuation. */
export function foldDiacritics(text: string): string {
  return foldText(text).replace(NOT_ALPHANUMERIC, " ").trim();
}
