// The plausibility checks every record gets as `suspect` diagnostics: tables of [input, expected, why].
import { describe, expect, it } from "vitest";
import { checkRecord, holdsMottoWords, issuerCodeFits, signatureFitsIssuer } from "../../src/parse/check-record.js";
import { parseDocumentText } from "../../src/document/parse-document.js";
import type { DocumentRecord } from "../../src/model/record.js";

describe("motto words", () => {
  it.each<[string, boolean, string]>([
    ["Cục Thuế cộng", true, "the Quốc hiệu's first word run onto the issuer"],
    ["Ủy ban nhân dân tỉnh X Cộng hòa xã hội chủ nghĩa", true, "the whole Quốc hiệu"],
    ["Về việc ban hành quy chế Độc lập - Tự do", true, "the motto in a title"],
    ["Trung tâm Phục vụ hành chính công", false, "công (public) is not cộng"],
    ["Công bố danh mục thủ tục hành chính", false, "a title opening with Công bố"],
    ["Kế hoạch tổ chức Ngày Quốc tế Hạnh phúc 20/3", false, "hạnh phúc inside a title, not ending it after the motto"],
  ])("%s → %s", (text, expected) => {
    expect(holdsMottoWords(text)).toBe(expected);
  });
});

describe("issuer codes", () => {
  it.each<[string, string, string | null, boolean, string]>([
    ["UBND-VX", "Ủy ban nhân dân tỉnh Lâm Sơn", null, true, "a committee and its unit"],
    ["SGDĐT", "Sở Giáo dục và Đào tạo", null, true, "a department's initials, and skipped"],
    ["TTg", "Thủ tướng Chính phủ", null, true, "only the capitals of a code count"],
    ["BTCTW", "Ban Tổ chức", "Ban Chấp hành Trung ương", true, "the parent's words after the body's (TW: Trung ương)"],
    ["CT-CS", "Cục Thuế", "Bộ Tài chính", true, "a unit after the issuer's code"],
    ["BYT", "Ủy ban nhân dân tỉnh Lâm Sơn", null, false, "a ministry's code on a committee's paper"],
  ])("%s for %s", (code, name, parent, expected) => {
    expect(issuerCodeFits(code, { name, parent })).toBe(expected);
  });
});

describe("signing office and issuer", () => {
  it.each<[string, string, boolean, string]>([
    ["ỦY BAN NHÂN DÂN", "Ủy ban nhân dân tỉnh Lâm Sơn", true, "TM. the committee"],
    ["BỘ TRƯỞNG", "Bộ Y tế", true, "a minister signs for the ministry"],
    ["THỦ TƯỚNG", "Bộ Nội vụ", false, "a prime minister does not sign a ministry's paper"],
    ["GIÁM ĐỐC", "Trung tâm Phục vụ hành chính công", true, "an issuer of no known kind is not judged"],
    ["ỦY BAN NHÂN DÂN", "Sở Y tế", false, "a department does not sign for the committee"],
  ])("%s for %s", (office, issuer, expected) => {
    expect(signatureFitsIssuer(office, { name: issuer, parent: null })).toBe(expected);
  });
});

describe("checkRecord", () => {
  const record = (text: string): DocumentRecord => parseDocumentText(text, { format: "text" }).record;
  const header = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

  it.each<[string, string[], string[], string]>([
    ["a complete decision", [...header, "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"], [], "nothing to flag"],
    ["a header without a date", [...header, "Số: 7/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"], ["suspect-incomplete-header"], "the page had a header: the date is missing"],
    ["a plan numbered as a decision", [...header, "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "KẾ HOẠCH", "Phòng chống thiên tai năm 2025"], ["suspect-type-code"], "the number's type code disagrees with the type name"],
    ["a ministry's code on a committee's paper", [...header, "Số: 7/QĐ-BYT", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"], ["suspect-issuer-code"], "the issuer code cannot abbreviate the issuer"],
    ["a number's year after its date", [...header, "Số: 7/2026/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"], ["suspect-date"], "the year in the number is the year of issue"],
  ])("%s", (_, lines, codes) => {
    const r = record(`${lines.join("\n")}\nCăn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Thành lập.\n`);
    expect(r.diagnostics.filter((d) => d.severity === "suspect").map((d) => d.code)).toEqual(codes);
  });

  it.each<[string, string[], string, number, number, string]>([
    ["suspect-type-code", [...header, "Số: 7/QĐ-UBND", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "KẾ HOẠCH", "Phòng chống thiên tai năm 2025"], "suspect-type-code", 5, 5, "at the number (after `Số: `) whose type code disagrees"],
    ["suspect-incomplete-header", [...header, "Lâm Sơn, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"], "suspect-incomplete-header", 5, 10, "at the header's first field read (the date, after the place)"],
    ["suspect-signature-office", ["SỞ Y TẾ", "TỈNH LÂM SƠN", ...header.slice(2), "Số: 7/QĐ-SYT", "Lâm Sơn, ngày 1 tháng 1 năm 2025", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác", "Căn cứ Luật Tổ chức chính quyền địa phương;", "Điều 1. Thành lập.", "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đỗ Văn Nam"], "suspect-signature-office", 13, 5, "at the office the signature serves"],
  ])("places %s where the field stands", (_, lines, code, line, column) => {
    const r = record(`${lines.join("\n")}\n`);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d).toMatchObject({ line, column });
  });

  it("flags an implausible date and nothing on a page without a header", () => {
    const r = record("Bài viết về lịch sử\nNăm 1911 nhà hát được xây dựng.\n");
    expect(checkRecord(r, { hasHeader: false })).toEqual([]);
    const dated = { ...r, date: { raw: "ngày 1 tháng 1 năm 2099", iso: "2099-01-01" } };
    expect(checkRecord(dated, { hasHeader: false, currentYear: 2026 }).map((d) => d.code)).toEqual(["suspect-date"]);
  });
});
