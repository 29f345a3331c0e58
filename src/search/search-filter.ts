// Result filters on the documents' summaries: type, issuer, system, place, year range and cited
// documents. Text criteria compare folded forms, so `--issuer "binh son"` and `--type qd` work.
import { foldText } from "./fold.js";
import type { DocumentSummary } from "./index-document.js";

/** The filters `search` accepts. */
export interface SearchFilters {
  /** document type code or name (`KH`, `QĐ`, `Kế hoạch`), compared without case or diacritics */
  type?: string;
  /** words of the issuing body's name (`Bình Sơn`, `UBND huyện Bình Sơn`), in order, without case or diacritics */
  issuer?: string;
  /** state or Party documents */
  system?: "state" | "party";
  /** the place line (`Bình Sơn`), compared without case or diacritics */
  place?: string;
  /** first year (inclusive); documents with no known year are left out when a year bound is set */
  yearFrom?: number;
  /** last year (inclusive) */
  yearTo?: number;
  /** a canonical citation key (as in `record.citations[].key`) the document must cite */
  cites?: string;
  /** a predicate over citation keys, one of which the document must satisfy (for keys given in any spelling) */
  citesMatch?: (key: string) => boolean;
}

// Folded words separated by single spaces and padded, so that a containment test is a whole-word test.
function foldedWords(text: string): string {
  return ` ${foldText(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

/** A predicate over summaries for `filters`, or null when no filter is set. */
export function compileFilter(filters: SearchFilters): ((summary: DocumentSummary) => boolean) | null {
  const tests: ((summary: DocumentSummary) => boolean)[] = [];
  // Type codes, issuers and places repeat across documents: fold each distinct value once per query.
  const cache = new Map<string, string>();
  const words = (text: string): string => {
    let folded = cache.get(text);
    if (folded === undefined) cache.set(text, (folded = foldedWords(text)));
    return folded;
  };
  if (filters.type !== undefined) {
    const type = foldedWords(filters.type);
    tests.push((s) => s.docType !== null && (words(s.docType.code) === type || words(s.docType.name) === type));
  }
  if (filters.issuer !== undefined) {
    const issuer = foldedWords(filters.issuer);
    tests.push((s) => s.issuer !== null && words(s.issuer).includes(issuer));
  }
  if (filters.system !== undefined) {
    const system = filters.system;
    tests.push((s) => s.system === system);
  }
  if (filters.place !== undefined) {
    const place = foldedWords(filters.place);
    tests.push((s) => s.place !== null && words(s.place) === place);
  }
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
    const from = filters.yearFrom ?? -Infinity;
    const to = filters.yearTo ?? Infinity;
    tests.push((s) => s.year !== null && s.year >= from && s.year <= to);
  }
  if (filters.cites !== undefined) {
    const key = filters.cites;
    tests.push((s) => s.cites.includes(key));
  }
  if (filters.citesMatch !== undefined) {
    const match = filters.citesMatch;
    tests.push((s) => s.cites.some(match));
  }
  if (tests.length === 0) return null;
  return (summary) => tests.every((test) => test(summary));
}
