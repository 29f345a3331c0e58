// Comparison form of Vietnamese text: names of documents are matched whatever their tone
// placement (`hoá`/`hóa`, `khoá`/`khóa`), case or diacritics (`nghi quyet` typed by a user).

/** Folds text for comparison: no tone or vowel marks, `đ` → `d`, lower case, single spaces, no punctuation. */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
