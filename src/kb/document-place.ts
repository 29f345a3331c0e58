// Where a document stands in the administration: its province (today's, and the former one when
// it was issued in a province merged in 2025), the level of its issuer (trung ương, tỉnh, huyện,
// xã) and its system (state or Party). Read from the catalog's header fields alone (issuer, its
// superior, the place line), so that lists and facets need no record; a PostgreSQL store computes
// the same columns once, when a document is indexed.
import { issuerLocality } from "./issuer-match.js";
import { provinceNamedIn, provinceOf } from "../text/provinces.js";
import type { CatalogEntry } from "./store-format.js";

/** The four levels of the administration a document is issued at. */
export const LEVELS = ["trung ương", "tỉnh", "huyện", "xã"] as const;
/** A level of the administration. */
export type Level = (typeof LEVELS)[number];

/** A document's place in the administration. */
export interface DocumentPlace {
  /** today's province (one of the 34), or null when the header names none */
  province: string | null;
  /** the province of before 2025 the header names, when it was merged into `province` */
  formerProvince: string | null;
  level: Level | null;
  system: "state" | "party" | null;
}

// Local levels as issuerLocality names them → the level of the administration. "thành phố" is a
// province for the centrally-run cities and a district for a province's own (thành phố Quảng Ngãi).
const LOCAL_LEVEL: Record<string, Level> = {
  "tỉnh": "tỉnh",
  "huyện": "huyện",
  "quận": "huyện",
  "thị xã": "huyện",
  "xã": "xã",
  "phường": "xã",
  "thị trấn": "xã",
  "đặc khu": "xã",
};

// Bodies whose name says their level without a locality. Checked on the lower-case NFC name
// (not folded: folded, "xã" would be the "xa" of "xã hội").
const NAMED_LEVELS: readonly [RegExp, Level][] = [
  [/(?:^|\s)tỉnh (?:ủy|uỷ)(?:\s|$)/u, "tỉnh"],
  [/(?:^|\s)(?:huyện|quận|thị) (?:ủy|uỷ)(?:\s|$)/u, "huyện"],
  [/(?:trung ương|chính phủ|thủ tướng|quốc hội|bộ chính trị|ban bí thư|chủ tịch nước|tối cao|kiểm toán nhà nước)/u, "trung ương"],
  [/^bộ\s/u, "trung ương"],
  [/^(?:sở|ban quản lý|đài phát thanh)\s/u, "tỉnh"],
  [/^phòng\s/u, "huyện"],
];

/** The level a body's name says, or null. */
export function levelOfBody(name: string): Level | null {
  const lower = name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  const locality = issuerLocality(lower);
  if (locality) {
    if (locality.level === "thành phố") return provinceOf(locality.place)?.city ? "tỉnh" : "huyện";
    const level = LOCAL_LEVEL[locality.level];
    if (level) return level;
  }
  // A Thành ủy is a province's for a centrally-run city, a district's for a province's own city.
  if (/(?:^|\s)thành (?:ủy|uỷ)(?:\s|$)/u.test(lower)) return provinceNamedIn(lower.replace(/^.*?thành (?:ủy|uỷ)/u, "thành phố"))?.city === false ? "huyện" : "tỉnh";
  for (const [pattern, level] of NAMED_LEVELS) if (pattern.test(lower)) return level;
  return null;
}

/**
 * A catalog entry's place in the administration: the province from the issuer's name, else its
 * superior's, else the place line; the level from the issuer's name, else its superior's.
 * @example documentPlace({ issuer: { name: "Ủy ban nhân dân tỉnh Sóc Trăng", parent: null, inferred: false }, place: "Sóc Trăng", system: "state" })
 * // { province: "Cần Thơ", formerProvince: "Sóc Trăng", level: "tỉnh", system: "state" }
 */
export function documentPlace(entry: Pick<CatalogEntry, "issuer" | "place" | "system">): DocumentPlace {
  const name = entry.issuer?.name ?? "";
  const parent = entry.issuer?.parent ?? "";
  const province = (name && provinceNamedIn(name)) || (parent && provinceNamedIn(parent)) || (entry.place ? provinceOf(entry.place) : null) || null;
  const level = (name && levelOfBody(name)) || (parent && levelOfBody(parent)) || null;
  return { province: province?.province ?? null, formerProvince: province?.former ?? null, level, system: entry.system };
}
