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
