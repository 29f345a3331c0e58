import { stripMarks } from "../text/fold.js";

// Issuer codes, the part of a symbol after the type code. Two things about them matter to the
// reference grammar and to keys:
// - Party bodies (Hướng dẫn 36-HD/VPTW): a number whose issuer is one of them is a Party document
//   even written state-style (`29/NQ-TW` for `29-NQ/TW`), and a Party `QĐ` under the type word
//   "Quy định" is a Quy định (QĐi).
// - Codes shared by many bodies: every People's Committee signs `UBND`, every provincial Party
//   committee `TU`, every department (Sở) `S...`; `158/KH-UBND` of a province and of a district are
//   different documents, told apart only by their dates.

/** Body codes of the Party's committees, boards and offices, upper-cased with Đ kept. */
export const PARTY_BODY_CODES: ReadonlySet<string> = new Set([
  // committees: Central, provincial, district, urban district, town, grassroots, sector, cell
  "TW", "TU", "HU", "QU", "THU", "ĐU", "ĐUK", "CB", "BCSĐ", "ĐĐ",
  // central boards and offices
  "VPTW", "BTCTW", "BTGTW", "BTGDVTW", "BDVTW", "UBKTTW", "BNCTW", "BKTTW", "BCĐTW",
  // provincial boards and offices
  "VPTU", "BTCTU", "BTGTU", "BTGDVTU", "BDVTU", "UBKTTU", "BNCTU",
  // district boards and offices
  "VPHU", "BTCHU", "BTGHU", "BTGDVHU", "BDVHU", "UBKTHU",
]);

/** Whether an issuer code (first segment, any case) names a Party body. */
export function isPartyBody(code: string): boolean {
  return PARTY_BODY_CODES.has(code.toUpperCase());
}

// Codes every body of a kind uses: People's Committees and Councils (and their chairs and
// offices), departments (Sở) and district offices (Phòng), and local Party committees, their
// boards and offices. National bodies have codes of their own (CP, TTg, QH15, BGDĐT, TW ...).
const SHARED_ISSUER_CODE = /^(?:UBND|UB|HĐND|HDND|CTUBND|VPUBND|S[A-ZĐ]{1,9}|P[A-ZĐ]{2,9}|TU|HU|QU|THU|ĐU|DU|ĐUK|CB|BCSĐ|ĐĐ|(?:BTC|BTG|BTGDV|BDV|UBKT|VP|BNC)(?:TU|HU|QU))$/;

/** Whether an issuer code (`UBND-VX`, `TU`, `SGDĐT`) is shared by many bodies, so that only a date tells their documents apart. */
export function isSharedIssuerCode(code: string): boolean {
  const first = code.split(/[-/.–]/)[0] ?? "";
  return SHARED_ISSUER_CODE.test(first.toUpperCase());
}

// Issuers whose numbers carry no type code but whose type is plain: the National Assembly passes
// laws (`43/2019/QH14`), its Standing Committee resolutions.
const IMPLIED_TYPES: readonly [RegExp, string][] = [
  [/^QH\d*$/i, "Luật"],
  [/^UBTVQH\d*$/i, "NQ"],
];

/** The type code an issuer code implies when a number has none (`QH15` → Luật), or null. */
export function impliedTypeCode(issuerCode: string): string | null {
  const first = issuerCode.split(/[-/]/)[0] ?? "";
  return IMPLIED_TYPES.find(([re]) => re.test(first))?.[1] ?? null;
}

/** Folds an issuer code for keys: no marks, `Đ` → `D`, upper case, separators as `-` (`CT.UB` → `CT-UB`). */
export function foldIssuerCode(code: string): string {
  return stripMarks(code)
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/[–/.]/g, "-");
}
