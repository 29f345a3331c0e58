// The locality of an issuing body (`Ủy ban nhân dân huyện Bình Sơn` → huyện Bình Sơn): local
// bodies reuse each other's names and symbols, so the place is what tells them apart. Read once,
// by the parse, into `Issuer.locality`.
import type { Locality } from "../model/record.js";
import { foldDiacritics, foldText } from "../../grammars/text/fold.js";
import { administrativeLevelOf, administrativeLevelPattern } from "../../grammars/vocabulary/administrative-levels.js";

// Administrative levels that open a locality's name (tỉnh X, huyện Y ...), read with their marks:
// folded, "xã" would be "xa" as in "xã hội" and "quận" "quan" as in "cơ quan".
const LEVEL = new RegExp(`(?<![\\p{L}])(${administrativeLevelPattern().replace(/(^|\|)xã(?=\||$)/u, "$1xã(?! hội)")})\\s+(.+)$`, "u");
/** Words after a locality that are not part of its name (khóa XX, nhiệm kỳ ...), folded. */
const AFTER_PLACE = /\s+(?:khoa|nhiem ky|lan thu|giai doan|nam \d)\b.*$/;
// The superior's locality after the body's own (`huyện Bình Sơn tỉnh Quảng Ngãi`), read with its
// marks: folded, `tỉnh` would cut `Hà Tĩnh` to `Hà`.
const SUPERIOR = /\s+(?:tỉnh|thành phố|tp\.?)(?![\p{L}]).*$/iu;
const WORD = /[a-z0-9]+/g;

/**
 * The level and place a body's name gives (`{ level: "huyện", name: "Bình Sơn" }`), or null when it
 * names none (a central body, `Bộ Lao động - Thương binh và Xã hội`).
 * @example readLocality("UBND huyện Bình Sơn tỉnh Quảng Ngãi") // { level: "huyện", name: "Bình Sơn" }
 */
export function readLocality(bodyName: string): Locality | null {
  const written = bodyName.normalize("NFC");
  const lower = written.toLowerCase();
  // The first level named is the body's own: "Ủy ban nhân dân huyện Bình Sơn tỉnh Quảng Ngãi" is the district's.
  const m = LEVEL.exec(lower);
  if (!m) return null;
  // The pattern is built from the levels, so what it matched names one.
  const level = administrativeLevelOf(m[1]!);
  if (!level) return null;
  // The place as written (its case kept) where lower-casing kept every offset.
  const restAt = m.index + m[0].length - m[2]!.length;
  const rest = (lower.length === written.length ? written : lower).slice(restAt);
  // A place name has no punctuation: what follows a comma or a rule of dashes is another clause
  // ("UBND tỉnh Quảng Ngãi, Sở Giáo dục ...") or the next header line run into this one.
  const clause = rest.split(/[,;:()]|-{2,}|\s[-–]\s*$/u)[0]!.replace(SUPERIOR, "");
  const place = foldDiacritics(clause).replace(AFTER_PLACE, "").trim();
  if (!place) return null;
  return { level, name: placeAsWritten(clause, place.split(" ").length) ?? place };
}

/** The first `words` words of `clause` as written, or null when folding moved its offsets. */
function placeAsWritten(clause: string, words: number): string | null {
  const folded = foldText(clause);
  if (folded.length !== clause.length) return null;
  let start = -1;
  let n = 0;
  for (const w of folded.matchAll(WORD)) {
    if (start < 0) start = w.index;
    if (++n === words) return clause.slice(start, w.index + w[0].length);
  }
  return null;
}
