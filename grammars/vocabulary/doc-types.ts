// Document types (tên loại) and their abbreviations: NĐ 30/2020/NĐ-CP Phụ lục III for state
// administrative documents, the legal-normative codes used in numbers, and the Party's own codes
// (Hướng dẫn 36-HD/VPTW). Shared by the document grammar (type-name lines, number symbols) and the
// reference grammar (type words before a number).

/** One document type: its code, its name, and the upper-case spellings of its name. */
export interface DocTypeEntry {
  code: string;
  name: string;
  /** Extra spellings of the name (the name itself is always accepted). */
  aliases?: readonly string[];
  /** The type exists only in Party documents (KL, QĐi, Thông tri). */
  party?: boolean;
  /** A legal-normative type whose number carries the year (30/2020/NĐ-CP). */
  normative?: boolean;
}

/** Every document type the grammars know, most specific names first. */
export const DOC_TYPES: readonly DocTypeEntry[] = [
  { code: "TTLT", name: "Thông tư liên tịch", normative: true },
  { code: "NQLT", name: "Nghị quyết liên tịch", normative: true },
  { code: "VBHN", name: "Văn bản hợp nhất", normative: true },
  { code: "NQ", name: "Nghị quyết" },
  { code: "QĐ", name: "Quyết định" },
  { code: "CT", name: "Chỉ thị" },
  { code: "QC", name: "Quy chế" },
  { code: "QyĐ", name: "Quy định" },
  { code: "QĐi", name: "Quy định", party: true },
  { code: "TC", name: "Thông cáo" },
  { code: "TB", name: "Thông báo" },
  { code: "HD", name: "Hướng dẫn" },
  { code: "CTr", name: "Chương trình", aliases: ["Chương trình hành động"] },
  { code: "KH", name: "Kế hoạch" },
  { code: "PA", name: "Phương án" },
  { code: "ĐA", name: "Đề án" },
  { code: "DA", name: "Dự án" },
  { code: "BC", name: "Báo cáo" },
  { code: "BB", name: "Biên bản" },
  { code: "TTr", name: "Tờ trình" },
  { code: "HĐ", name: "Hợp đồng" },
  { code: "CĐ", name: "Công điện" },
  { code: "BGN", name: "Bản ghi nhớ" },
  { code: "BTT", name: "Bản thỏa thuận", aliases: ["Bản thoả thuận"] },
  { code: "GUQ", name: "Giấy ủy quyền", aliases: ["Giấy uỷ quyền"] },
  { code: "GM", name: "Giấy mời" },
  { code: "GGT", name: "Giấy giới thiệu" },
  { code: "GNP", name: "Giấy nghỉ phép" },
  { code: "PG", name: "Phiếu gửi" },
  { code: "PC", name: "Phiếu chuyển" },
  { code: "PB", name: "Phiếu báo" },
  { code: "KL", name: "Kết luận", party: true },
  { code: "TT", name: "Thông tư", normative: true },
  { code: "NĐ", name: "Nghị định", normative: true },
  { code: "L", name: "Lệnh" },
  { code: "CV", name: "Công văn" },
  { code: "Luật", name: "Luật", normative: true },
  { code: "Bộ luật", name: "Bộ luật", normative: true },
  { code: "Hiến pháp", name: "Hiến pháp", normative: true },
  { code: "Pháp lệnh", name: "Pháp lệnh", normative: true },
];

/** Party "Thông tri" shares the code TT with the state "Thông tư": kept apart by name. */
export const PARTY_THONG_TRI: DocTypeEntry = { code: "TT", name: "Thông tri", party: true };

const byCode = new Map<string, DocTypeEntry>();
for (const t of DOC_TYPES) if (!byCode.has(t.code.toUpperCase())) byCode.set(t.code.toUpperCase(), t);
// OCR and keyboards lose Đ (`QD`, `ND`); such spellings still name the type. A Pháp lệnh's code
// inside its number is `PL` (`15/2004/PL-UBTVQH11`).
const OCR_CODES: Record<string, string> = { QD: "QĐ", ND: "NĐ", DA: "DA", HD: "HD", CD: "CĐ", QYD: "QyĐ", QDI: "QĐi", PL: "Pháp lệnh" };

/** The entry for a code as written in a number (`QĐ`, `qđ`, OCR `QD`), or undefined. */
export function docTypeByCode(code: string): DocTypeEntry | undefined {
  const upper = code.toUpperCase();
  return byCode.get(upper) ?? (OCR_CODES[upper] ? byCode.get(OCR_CODES[upper]!.toUpperCase()) : undefined);
}

// Every name and alias, lower case, with its entries (a name may be the State's and the Party's).
// Lower case as Vietnamese writes it: Unicode has no Vietnamese-specific case mapping (only
// Lithuanian, Turkish and Azeri have one), so `toLowerCase` is `toLocaleLowerCase("vi")` on every
// string, at a seventh of its cost; building these per call was most of a short document's typing.
const byName = new Map<string, DocTypeEntry[]>();
for (const t of [...DOC_TYPES, PARTY_THONG_TRI]) {
  for (const n of new Set([t.name, ...(t.aliases ?? [])].map((n) => n.toLowerCase()))) {
    const list = byName.get(n);
    if (list) list.push(t);
    else byName.set(n, [t]);
  }
}

/** The entry whose name (or alias) equals `name`, case-insensitively; Party entries preferred when `party`. */
export function docTypeByName(name: string, party = false): DocTypeEntry | undefined {
  const key = name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  let found: DocTypeEntry | undefined;
  for (const t of byName.get(key) ?? []) {
    if (!found || (party && t.party && !found.party) || (!party && found.party && !t.party)) found = t;
  }
  return found;
}
