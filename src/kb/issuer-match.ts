// Whether the body a citation names (`của UBND tỉnh Quảng Ngãi`) can be the issuer of a collection
// document. Local bodies reuse each other's symbols (every Ủy ban nhân dân numbers its own
// `158/KH-UBND`), so two documents with one key are told apart by the locality of their issuer.
// Only a clear disagreement excludes a document: central bodies are named in many ways (the same
// Kết luận of the Party is "của Ban Bí thư" in one document and "của Ban Chấp hành Trung ương" in
// another), so names without a locality never exclude.
import { foldDiacritics } from "../../grammars/text/fold.js";
import { readLocality } from "../parse/read-locality.js";
import type { Locality } from "../model/record.js";

/** A body's level and place, the place folded: `{ level: "huyện", place: "binh son" }`, or null when it names none. */
export function issuerLocality(name: string): { level: string; place: string } | null {
  return foldedLocality(readLocality(name));
}

function foldedLocality(locality: Locality | null): { level: string; place: string } | null {
  return locality ? { level: locality.level, place: foldDiacritics(locality.name) } : null;
}

/**
 * Whether a body named in a citation can be the issuer of a document whose header names `issuer`
 * (and its superior `parent`): false only when both name a locality and the localities differ.
 * @example
 * issuerCompatible("UBND huyện Bình Sơn", { name: "Ủy ban nhân dân huyện Bình Sơn", parent: null }) // → true
 * issuerCompatible("UBND tỉnh Quảng Ngãi", { name: "Ủy ban nhân dân huyện Bình Sơn", parent: null }) // → false
 */
export function issuerCompatible(cited: string | null, issuer: { name: string; parent: string | null; locality?: Locality | null } | null): boolean {
  if (!cited || !issuer) return true;
  const a = issuerLocality(cited);
  // The parse reads a record's locality; a record stored before it did has none to read.
  const b = issuer.locality !== undefined ? foldedLocality(issuer.locality) : issuerLocality(issuer.name);
  if (!a || !b) return true;
  return a.level === b.level && samePlace(a.place, b.place);
}

/** Whether two bodies named in citations may be one body (see `issuerCompatible`). */
export function issuersMayBeSame(a: string | null, b: string | null): boolean {
  return issuerCompatible(a, b === null ? null : { name: b, parent: null });
}

// One name may carry more words than the other ("Bình Sơn" and "Bình Sơn tỉnh Quảng Ngãi" were cut
// above, but "Thừa Thiên Huế" and "Huế" remain): equal when one is the other's leading words.
function samePlace(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || long.startsWith(`${short} `);
}
