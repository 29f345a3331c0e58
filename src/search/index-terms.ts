// The terms a text field is indexed under, from one analysis of the document's stored text:
// every token's term, and for identifiers also their parts (`113/kh/ubnd`, `113`, `kh`, `ubnd`),
// plus dates written out in words (`ngày 13 tháng 4 năm 2020` → `13/4/2020`) so that a query
// typed as digits finds them.
import { analyzeText, type Token } from "./analyze-text.js";
import { KEYWORD_FIELDS, TEXT_FIELDS } from "./index-document.js";

function isNumber(token: Token | undefined, max: number): token is Token {
  return token !== undefined && token.kind === "number" && /^\d+$/.test(token.term) && Number(token.term) <= max;
}

// `ngày D tháng M năm YYYY`, matched on folded terms so both diacritic spellings count.
function writtenDate(tokens: readonly Token[], i: number): string | null {
  if (tokens[i]?.term !== "ngay") return null;
  const day = tokens[i + 1];
  const month = tokens[i + 3];
  const year = tokens[i + 5];
  if (!isNumber(day, 31) || tokens[i + 2]?.term !== "thang" || !isNumber(month, 12)) return null;
  if (tokens[i + 4]?.term !== "nam" || !isNumber(year, 9999) || year.term.length !== 4) return null;
  return `${day.term}/${month.term}/${year.term}`;
}

// Appends the index terms of `tokens` to `out`.
function appendIndexTerms(tokens: readonly Token[], out: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    out.push(token.term);
    if (token.parts) out.push(...token.parts);
    else if (token.term === "ngay") {
      const date = writtenDate(tokens, i);
      if (date) out.push(date);
    }
  }
}

/**
 * The terms of every index field (in `INDEX_FIELDS` order) of a document, from its stored text,
 * the end offsets of its segments and its keyword terms; deterministic, so removing a document
 * can rebuild exactly what was added.
 */
export function buildFieldTerms(text: string, segmentEnds: readonly number[], numberTerms: string, refTerms: string): string[][] {
  // The number segment comes first and is indexed through the keyword terms only.
  const from = segmentEnds[0] ?? 0;
  const tokens = analyzeText(text, undefined, from);
  const fields: string[][] = [];
  let t = 0;
  for (let f = 0; f < TEXT_FIELDS.length; f++) {
    const end = segmentEnds[f + 1] ?? text.length;
    let stop = t;
    while (stop < tokens.length && tokens[stop]!.start < end) stop++;
    const terms: string[] = [];
    appendIndexTerms(tokens.slice(t, stop), terms);
    fields.push(terms);
    t = stop;
  }
  const keyword = (terms: string) => (terms.length === 0 ? [] : terms.split(" "));
  const keywordTerms: Record<(typeof KEYWORD_FIELDS)[number], string[]> = { number: keyword(numberTerms), refs: keyword(refTerms) };
  for (const field of KEYWORD_FIELDS) fields.push(keywordTerms[field]);
  return fields;
}
