// The terms a text field is indexed under, from one analysis of the document's stored text:
// every token's term, and for identifiers also their parts (`113/kh/ubnd`, `113`, `kh`, `ubnd`),
// plus dates written out in words (`ngày 13 tháng 4 năm 2020` → `13/4/2020`) so that a query
// typed as digits finds them; and for each word written with diacritics its reading term
// (`hòa` → `hoa` and `hoa~hoa2`), so that a query can prefer the reading it means.
import { TokenCursor } from "./analyze-text.js";
import { foldAligned } from "../../grammars/text/fold.js";
import { KEYWORD_FIELDS, TEXT_FIELDS } from "./index-document.js";
import { readingTerm, toneKeyOfSpan } from "./tone-key.js";

// Reading terms by the word as written: a collection's few thousand spellings recur in every
// document, and a lookup costs less than building the tone key again (bounded by clearing).
const readings = new Map<string, string>();
const MAX_CACHED_READINGS = 100_000;

// The reading term of the word `text[start, end)` (folded `term`), or null when it is written
// without diacritics (all ASCII: its reading is the folded term itself).
function readingOf(text: string, start: number, end: number, term: string): string | null {
  let i = start;
  while (i < end && text.charCodeAt(i) < 0x80) i++;
  if (i === end) return null;
  const written = text.slice(start, end);
  let reading = readings.get(written);
  if (reading === undefined) {
    if (readings.size >= MAX_CACHED_READINGS) readings.clear();
    readings.set(written, (reading = readingTerm(term, toneKeyOfSpan(text, start, end))));
  }
  return reading;
}

// `ngày D tháng M năm YYYY`, matched on folded terms so both diacritic spellings count: the six
// terms ending at the `k`-th token of a field (kept in rings of six), or null.
function writtenDate(terms: readonly string[], numeric: readonly boolean[], k: number): string | null {
  const at = (back: number) => (k - back) % 6;
  if (terms[at(5)] !== "ngay" || terms[at(3)] !== "thang" || terms[at(1)] !== "nam") return null;
  const day = terms[at(4)]!;
  const month = terms[at(2)]!;
  const year = terms[at(0)]!;
  if (!numeric[at(4)] || Number(day) > 31 || !numeric[at(2)] || Number(month) > 12 || !numeric[at(0)] || year.length !== 4) return null;
  return `${day}/${month}/${year}`;
}

/**
 * The terms of every index field (in `INDEX_FIELDS` order) of a document, from its stored text,
 * the end offsets of its segments and its keyword terms; deterministic, so removing a document
 * can rebuild exactly what was added. Each token's term, and for identifiers also their parts
 * (`113/kh/ubnd`, `113`, `kh`, `ubnd`); for a word with diacritics also its reading term; a
 * date written in words is indexed as digits too, right after its `ngày`.
 */
export function buildFieldTerms(text: string, segmentEnds: readonly number[], numberTerms: string, refTerms: string): string[][] {
  // The number segment comes first and is indexed through the keyword terms only.
  const cursor = new TokenCursor(text, segmentEnds[0] ?? 0, text.length);
  const folded = foldAligned(text);
  // The last six tokens of the field: term, whether a number of digits, where its term went in `out`.
  const ringTerms: string[] = new Array<string>(6);
  const ringNumeric: boolean[] = new Array<boolean>(6);
  const ringAt: number[] = new Array<number>(6);
  const fields: string[][] = [];
  let more = cursor.next();
  for (let f = 0; f < TEXT_FIELDS.length; f++) {
    const end = segmentEnds[f + 1] ?? text.length;
    const out: string[] = [];
    for (let k = 0; more && cursor.start < end; k++, more = cursor.next()) {
      let term = cursor.simpleTerm(folded);
      let numeric = cursor.isPlainNumber;
      let parts: readonly string[] | null = null;
      if (term === null) {
        // An identifier or a number with separators: rare enough to build the token.
        const token = cursor.token(folded);
        term = token.term;
        parts = token.parts;
        numeric = token.kind === "number" && /^\d+$/.test(term);
      }
      const slot = k % 6;
      ringTerms[slot] = term;
      ringNumeric[slot] = numeric;
      ringAt[slot] = out.length;
      out.push(term);
      if (parts) out.push(...parts);
      else if (!numeric) {
        const reading = readingOf(text, cursor.start, cursor.end, term);
        if (reading !== null) out.push(reading);
      } else if (k >= 5 && term.length === 4) {
        const date = writtenDate(ringTerms, ringNumeric, k);
        if (date) out.splice(ringAt[(k - 5) % 6]! + 1, 0, date);
      }
    }
    fields.push(out);
  }
  const keyword = (terms: string) => (terms.length === 0 ? [] : terms.split(" "));
  const keywordTerms: Record<(typeof KEYWORD_FIELDS)[number], string[]> = { number: keyword(numberTerms), refs: keyword(refTerms) };
  for (const field of KEYWORD_FIELDS) fields.push(keywordTerms[field]);
  return fields;
}
