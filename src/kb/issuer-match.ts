// Whether the body a citation names (`của UBND tỉnh Quảng Ngãi`) can be the issuer of a collection
// document. Local bodies reuse each other's symbols (every Ủy ban nhân dân numbers its own
// `158/KH-UBND`), so two documents with one key are told apart by the locality of their issuer.
// Only a clear disagreement excludes a document: central bodies are named in many ways (the same
// Kết luận of the Party is "của Ban Bí thư" in one document and "của Ban Chấp hành Trung ương" in
// another), so names without a locality never exclude.
import { foldDiacritics } from "../../grammars/text/fold.js";
import { administrativeLevelOf, administrativeLevelPattern } from "../../grammars/vocabulary/administrative-levels.js";

// Administrative levels that open a locality's name (tỉnh X, huyện Y ...), read with their marks:
// folded, "xã" would be "xa" as in "xã hội" and "quận" "quan" as in "cơ quan".
const LEVEL = new RegExp(`(?<![\\p{L}])(${administrativeLevelPattern().replace(/(^|\|)xã(?=\||$)/u, "$1xã(?! hội)")})\\s+(.+)$`, "u");
/** Words after a locality that are not part of its name (khóa XX, nhiệm kỳ ..., the superior's locality). */
const AFTER_PLACE = /\s+(?:khoa|nhiem ky|lan thu|giai doan|nam \d|tinh|thanh pho|tp)\b.*$/;

/** A body's level and place, the place folded: `{ level: "huyện", place: "binh son" }`, or null when it names none. */
export function issuerLocality(name: string): { level: string; place: string } | null {
  // The first level named is the body's own: "Ủy ban nhân dân huyện Bình Sơn tỉnh Quảng Ngãi" is the district's.
  const m = LEVEL.exec(name.normalize("NFC").toLowerCase());
  if (!m) return null;
  const level = administrativeLevelOf(m[1]!) ?? m[1]!;
  // A place name has no punctuation: what follows a comma or a rule of dashes is another clause
  // ("UBND tỉnh Quảng Ngãi, Sở Giáo dục ...") or the next header line run into this one.
  const name_ = m[2]!.split(/[,;:()]|-{2,}|\s[-–]\s*$/u)[0]!;
  const place = foldDiacritics(name_).replace(AFTER_PLACE, "").trim();
  return place ? { level, place } : null;
}

/**
 * Whether a body named in a citation can be the issuer of a document whose header names `issuer`
 * (and its superior `parent`): false only when both name a locality and the localities differ.
 * @example
 * issuerCompatible("UBND huyện Bình Sơn", { name: "Ủy ban nhân dân huyện Bình Sơn", parent: null }) // → true
 * issuerCompatible("UBND tỉnh Quảng Ngãi", { name: "Ủy ban nhân dân huyện Bình Sơn", parent: null }) // → false
 */
export function issuerCompatible(cited: string | null, issuer: { name: string; parent: string | null } | null): boolean {
  if (!cited || !issuer) return true;
  const a = issuerLocality(cited);
  const b = issuerLocality(issuer.name);
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
