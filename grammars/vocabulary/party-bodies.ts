// Codes of Party bodies as they stand after the slash of a Party number (Hướng dẫn 36-HD/VPTW):
// a number whose issuer is one of these is a Party document even when written state-style
// (`29/NQ-TW` for `29-NQ/TW`), and a Party `QĐ` under the type word "Quy định" is a Quy định (QĐi).

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
