// The document types a reference may name: the shared table of doc-types.ts (NĐ 30/2020 Phụ lục
// III, legal-normative and Party codes) plus the types that only turn up in references — the 2011
// codes of older documents (Thông tư 01/2011/TT-BNV Phụ lục I), VPCP's Phiếu lấy ý kiến (PLYK, in
// `1025/PLYK/2025`) and the named documents with no number (Điều lệ Đảng).
import { DOC_TYPES, PARTY_THONG_TRI, type DocTypeEntry } from "./doc-types.js";

/** A type as the reference grammar reads it: the shared entry plus how references use it. */
export interface ReferenceDocType extends DocTypeEntry {
  /** Named without a number (`Luật Giáo dục năm 2019`): a name-only reference is a citation. */
  named?: boolean;
  /** Only named when the name starts with one of these words (`Nghị quyết Đại hội ...`). */
  namedPrefixes?: readonly string[];
  /** A generic word for any dispatch: the number's code, when it has one, names the type. */
  generic?: boolean;
  /** Other codes its numbers are written with: Party Quy định are numbered `339-QĐ/TW`. */
  writtenAs?: readonly string[];
}

// Types a reference can name that the shared table leaves out; the 2011 codes keep their own
// rows so that a number written with them keeps its code.
const EXTRA_TYPES: readonly ReferenceDocType[] = [
  { code: "PLYK", name: "Phiếu lấy ý kiến" },
  { code: "GN", name: "Bản ghi nhớ" },
  { code: "TTh", name: "Bản thỏa thuận", aliases: ["Bản thoả thuận"] },
  { code: "UQ", name: "Giấy ủy quyền", aliases: ["Giấy uỷ quyền"] },
  { code: "GT", name: "Giấy giới thiệu" },
  { code: "NP", name: "Giấy nghỉ phép" },
  { code: "Điều lệ", name: "Điều lệ", named: true },
];

// Which shared types a reference may name without a number, which are generic words, and which
// are numbered with another type's code.
const NAMED_CODES = new Set(["Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh"]);
const NAMED_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  // Nghị quyết Đại hội đại biểu ..., Nghị quyết Hội nghị Trung ương 8 khóa XI, Nghị quyết Trung ương 4
  NQ: ["Đại hội", "Hội nghị", "Trung ương"],
};

/** Every type a reference may name, the shared table first (its order: most specific names first). */
export const REFERENCE_DOC_TYPES: readonly ReferenceDocType[] = [
  ...DOC_TYPES.map(
    (t): ReferenceDocType => ({
      ...t,
      ...(NAMED_CODES.has(t.code) ? { named: true } : {}),
      ...(NAMED_PREFIXES[t.code] ? { namedPrefixes: NAMED_PREFIXES[t.code] } : {}),
      ...(t.code === "CV" ? { generic: true } : {}),
      ...(t.code === "QĐi" ? { writtenAs: ["QĐ"] } : {}),
    }),
  ),
  PARTY_THONG_TRI,
  ...EXTRA_TYPES,
];
