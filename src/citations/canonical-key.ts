// Canonical keys: one string per document, the same for every way of writing its number, so that
// citations can be linked to each other and to documents.
//
//   numbered  TYPE:SEQ:ISSUER[@WHEN]     NQ:29:TW@2013, QĐ:1899:TTG@2025, PLYK:1025:@2025,
//                                         KH:158:UBND@2019-12-16
//   named     TYPE:~name-slug[@YEAR]     Luật:~giao-duc@2019, Hiến pháp:~@2013
//
// TYPE is the vocabulary's spelling of the type code (grammars/vocabulary): codes compare
// case-insensitively and keep Đ apart from D (HĐ Hợp đồng ≠ HD Hướng dẫn, ĐA ≠ DA), except that a
// code matching no vocabulary code but exactly one once Đ = D is read as that one (OCR QD → QĐ).
// SEQ drops zero padding (0125 → 125). ISSUER is folded hard — no marks, Đ → D, upper case,
// separators as `-` — since issuer codes differ by more than a stroke (BGDĐT = OCR BGDDT).
// Party numbers key like state ones (29-NQ/TW and 29/NQ-TW are both NQ:29:TW). WHEN is the year in
// the number, else the year of the citation's date, since Party sequences restart each term and
// state ones each year; but where the issuer code is one many bodies share (UBND, HĐND, TU, HU,
// Sở ...: see grammars/vocabulary/issuer-codes.ts) it is the whole date when known, for only the
// date tells 158/KH-UBND of a province (2019-12-16) from 158/KH-UBND of a district (2019-07-29).
import { foldIssuerCode, isSharedIssuerCode } from "../../grammars/vocabulary/issuer-codes.js";
import type { Citation } from "../model/record.js";
import { canonicalTypeCode } from "../../grammars/vocabulary/doc-type-lookup.js";
import { foldDiacritics } from "../../grammars/text/fold.js";

/** What a key is made of: a citation's fields, plus the name of a reference without a number. */
export type KeyInput = Pick<Citation, "docType" | "number" | "issuerCode" | "year" | "date"> & { name?: string | null };

/** The parts of a key, as `parseKey` reads them back. */
export interface KeyParts {
  type: string;
  number: string | null;
  issuer: string | null;
  name: string | null;
  year: number | null;
  /** The full date, for issuer codes many bodies share. */
  date: string | null;
}

/** A search for documents by key: every field given must match; absent fields match anything. */
export interface ReferenceQuery {
  /** Acceptable type codes (`Quy định` may be QyĐ or QĐi); null for any type. */
  types: string[] | null;
  /** The sequence without zero padding. */
  number: string | null;
  /** The folded issuer code (`TW`, `UBND-VX`). */
  issuer: string | null;
  /** A name slug (`giao-duc`) for documents known by name only. */
  name: string | null;
  year: number | null;
  /** A full date (`2019-12-16`), telling apart documents of issuers that share a code. */
  date: string | null;
}

/** Drops zero padding from a sequence (`0125` → `125`, `007` → `7`, `66.4` unchanged). */
export function unpaddedSeq(seq: string): string {
  return seq.trim().replace(/^0+(?=\d)/, "");
}

/** The slug of a document's name in a key (`Giáo dục` → `giao-duc`). */
export function nameSlug(name: string): string {
  return foldDiacritics(name).replace(/ /g, "-");
}

/**
 * The canonical key of a citation (see the file comment), or null when it has neither a number
 * nor a name to go by.
 * @example
 * citationKey({ docType: { code: "NQ", name: "Nghị quyết" }, number: "29", issuerCode: "TW", year: null, date: "2013-11-04" })
 * // → "NQ:29:TW@2013"
 */
export function citationKey(c: KeyInput): string | null {
  if (!c.docType) return null;
  const type = canonicalTypeCode(c.docType.code);
  const year = c.year ?? (c.date ? Number(c.date.slice(0, 4)) : null);
  const at = year ? `@${year}` : "";
  if (c.number != null && c.number.trim() !== "") {
    const issuer = foldIssuerCode(c.issuerCode ?? "");
    const when = c.date && isSharedIssuerCode(issuer) && (c.year === null || c.date.startsWith(String(c.year))) ? `@${c.date}` : at;
    return `${type}:${unpaddedSeq(c.number)}:${issuer}${when}`;
  }
  // A name may be empty when the type is the name (`Hiến pháp năm 2013`), never the year too.
  if (c.name != null && (c.name !== "" || at)) return `${type}:~${nameSlug(c.name)}${at}`;
  return null;
}

const KEY = /^([^:]+):(~[^@]*|[^:@]*:[^@]*)(?:@(\d{4})(-\d{2}-\d{2})?)?$/;

/** Reads a key back into its parts, or null when it is not a key. */
export function parseKey(key: string): KeyParts | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const year = m[3] ? Number(m[3]) : null;
  const date = m[4] ? `${m[3]}${m[4]}` : null;
  if (m[2]!.startsWith("~")) return { type: m[1]!, number: null, issuer: null, name: m[2]!.slice(1), year, date };
  const [number, issuer] = m[2]!.split(":") as [string, string];
  return { type: m[1]!, number, issuer, name: null, year, date };
}

/**
 * Whether a key may be the document a query asks for. A field the query leaves out matches
 * anything (no year: any year); a key without a year (or date) matches any year (or date) asked
 * for, since it is unknown rather than different.
 * @example
 * keyMatches(parseReferenceQuery("29-NQ/TW")!, "NQ:29:TW@2013") // → true
 */
export function keyMatches(query: ReferenceQuery | null, key: string | null): boolean {
  if (!query || !key) return false;
  const k = parseKey(key);
  if (!k) return false;
  if (query.types && !query.types.some((t) => canonicalTypeCode(t) === k.type)) return false;
  if (query.number !== null && (k.number === null || unpaddedSeq(query.number) !== k.number)) return false;
  if (query.issuer !== null && (k.issuer === null || foldIssuerCode(query.issuer) !== k.issuer)) return false;
  if (query.name !== null && k.name !== nameSlug(query.name)) return false;
  if (query.year !== null && k.year !== null && query.year !== k.year) return false;
  if (query.date !== null && k.date !== null && query.date !== k.date) return false;
  return true;
}

/**
 * The key that asks for exactly what a query of one type asks for (read back by `parseKey`), or
 * null when the query allows several types or names neither a number nor a name.
 * @example
 * queryKey({ types: ["Luật"], number: "77", issuer: "QH13", name: null, year: 2015, date: null }) // → "Luật:77:QH13@2015"
 */
export function queryKey(query: ReferenceQuery): string | null {
  if (!query.types || query.types.length !== 1) return null;
  const type = canonicalTypeCode(query.types[0]!);
  const when = query.date ? `@${query.date}` : query.year ? `@${query.year}` : "";
  if (query.number !== null) return `${type}:${query.number}:${foldIssuerCode(query.issuer ?? "")}${when}`;
  if (query.name !== null) return `${type}:~${nameSlug(query.name)}${when}`;
  return null;
}
