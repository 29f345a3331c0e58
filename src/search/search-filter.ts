// Result filters on the documents' summaries: type, issuer, system, place, year range and cited
// documents. Text criteria compare folded forms, so `--issuer "binh son"` and `--type qd` work.
import { foldText } from "../../grammars/text/fold.js";
import type { IndexedSummary } from "./index-document.js";

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

/**
 * Filters compiled into one test per summary field, so that each distinct value (a type, an
 * issuer, a citation key) is tested once per query rather than once per document.
 */
export interface CompiledFilter {
  type: ((code: string, name: string) => boolean) | null;
  issuer: ((name: string) => boolean) | null;
  place: ((place: string) => boolean) | null;
  system: "state" | "party" | null;
  /** inclusive bounds; null when no year bound is set */
  years: { from: number; to: number } | null;
  /** each must hold for at least one of the document's citation keys */
  cites: ((key: string) => boolean)[];
  /** the whole filter on one summary */
  test(summary: IndexedSummary): boolean;
}

/** Compiles `filters`, or returns null when no filter is set. */
export function compileFilter(filters: SearchFilters): CompiledFilter | null {
  const type = filters.type === undefined ? null : foldedWords(filters.type);
  const issuer = filters.issuer === undefined ? null : foldedWords(filters.issuer);
  const place = filters.place === undefined ? null : foldedWords(filters.place);
  const compiled: Omit<CompiledFilter, "test"> = {
    type: type === null ? null : (code, name) => foldedWords(code) === type || foldedWords(name) === type,
    issuer: issuer === null ? null : (name) => foldedWords(name).includes(issuer),
    place: place === null ? null : (value) => foldedWords(value) === place,
    system: filters.system ?? null,
    years: filters.yearFrom === undefined && filters.yearTo === undefined ? null : { from: filters.yearFrom ?? -Infinity, to: filters.yearTo ?? Infinity },
    cites: [
      ...(filters.cites === undefined ? [] : [((cites: string) => (key: string) => key === cites)(filters.cites)]),
      ...(filters.citesMatch === undefined ? [] : [filters.citesMatch]),
    ],
  };
  const active = compiled.type || compiled.issuer || compiled.place || compiled.system || compiled.years || compiled.cites.length > 0;
  if (!active) return null;
  return {
    ...compiled,
    test(summary) {
      if (compiled.type && (summary.docType === null || !compiled.type(summary.docType.code, summary.docType.name))) return false;
      if (compiled.issuer && (summary.issuer === null || !compiled.issuer(summary.issuer))) return false;
      if (compiled.place && (summary.place === null || !compiled.place(summary.place))) return false;
      if (compiled.system && summary.system !== compiled.system) return false;
      const years = compiled.years;
      if (years && (summary.year === null || summary.year < years.from || summary.year > years.to)) return false;
      return compiled.cites.every((match) => summary.cites.some(match));
    },
  };
}
