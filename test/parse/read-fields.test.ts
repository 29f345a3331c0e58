// Header and closing fields, one table per reader: [input, expected, why].
import { describe, expect, it } from "vitest";
import { readNumber } from "../../src/parse/read-number.js";
import { readDate } from "../../src/parse/read-date.js";
import { readSignature } from "../../src/parse/read-signature.js";
import { readRecipients } from "../../src/parse/read-recipients.js";
import { readIssuer, sentenceCase } from "../../src/parse/read-issuer.js";

describe("readNumber", () => {
  it.each([
    ["203 /TB-UBND", { seq: "203", year: null, typeCode: "TB", issuerCode: "UBND" }, "state number with a stray space"],
    ["30/2020/NĐ-CP", { seq: "30", year: 2020, typeCode: "NĐ", issuerCode: "CP" }, "legal-normative number carries its year"],
    ["253-KH/HU", { seq: "253", year: null, typeCode: "KH", issuerCode: "HU" }, "Party order: sequence-TYPE/BODY"],
    ["383-QĐ/TW", { seq: "383", year: null, typeCode: "QĐ", issuerCode: "TW" }, "Party code as written (the type word decides QĐi)"],
    ["/KH-UBND", { seq: null, year: null, typeCode: "KH", issuerCode: "UBND" }, "an unfilled draft number"],
    ["123/UBND-VX", { seq: "123", year: null, typeCode: null, issuerCode: "UBND-VX" }, "a công văn: issuer and unit, no type"],
    ["0125/KH-UBND", { seq: "0125", year: null, typeCode: "KH", issuerCode: "UBND" }, "zero padding is kept as written"],
    ["3210/QĐ - U B ND", { seq: "3210", year: null, typeCode: "QĐ", issuerCode: "UBND" }, "letter-spaced codes are closed up"],
    ["256 /2004/QĐ-UB", { seq: "256", year: 2004, typeCode: "QĐ", issuerCode: "UB" }, "old UB symbol with a year"],
    ["5155/SGDĐT-GDTXNNĐH", { seq: "5155", year: null, typeCode: null, issuerCode: "SGDĐT-GDTXNNĐH" }, "long công văn symbol"],
    ["44/2025/QĐ-CTUBND", { seq: "44", year: 2025, typeCode: "QĐ", issuerCode: "CTUBND" }, "issuer code of a chairman"],
  ])("%s (%s)", (written, expected, _why) => {
    expect(readNumber(written)).toMatchObject(expected);
  });

  it("keeps what it cannot split as nothing, not as garbage", () => {
    expect(readNumber("")).toBeNull();
    expect(readNumber("hiệu")).toBeNull();
  });
});

describe("readDate", () => {
  it.each([
    ["Bình Sơn, ngày 18 tháng 6 năm 2024", "2024-06-18", "place and date"],
    ["Tứ Kỳ, ngày      tháng 01 năm 2024", "2024-01", "a draft's blank day"],
    ["Quảng Ngãi, ngày tháng năm 2023", "2023", "a draft's blank day and month"],
    ["Đồng Xoài, ngày 14 tháng5 năm 2008", "2008-05-14", "month run into its word"],
    ["ngày 01-10-1997", "1997-10-01", "Party dates with dashes"],
    ["trước ngày 28/6/2024", "2024-06-28", "numeric date"],
    ["ngày 31 tháng 13 năm 2024", "2024", "an impossible month keeps only the year"],
  ])("%s → %s (%s)", (text, iso, _why) => {
    expect(readDate(text)?.iso).toBe(iso);
  });
});

describe("readSignature", () => {
  it.each([
    [["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Quang Sự"], { onBehalfOf: null, authority: "KT", principal: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", signer: "Phạm Quang Sự" }, "KT with the signer's office"],
    [["GIÁM ĐỐC", "(Đã ký)", "Nguyễn Ngọc Thái"], { authority: null, principal: null, title: "GIÁM ĐỐC", signer: "Nguyễn Ngọc Thái" }, "no prefix; the placeholder is not the signer"],
    [["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Đệ"], { onBehalfOf: "ỦY BAN NHÂN DÂN", authority: "KT", principal: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH" }, "stacked prefixes"],
    [["TL. CỤC TRƯỞNG", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Phạm Ngọc Lai"], { onBehalfOf: "CỤC TRƯỞNG", authority: "KT", principal: "CHÁNH VĂN PHÒNG", title: "PHÓ CHÁNH VĂN PHÒNG" }, "TL over KT"],
    [["T/M BAN BÍ THƯ", "Trần Cẩm Tú"], { authority: "TM", principal: "BAN BÍ THƯ", title: null, signer: "Trần Cẩm Tú" }, "Party T/M with the name right after"],
    [["KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Thị Xuyên"], { authority: "KT", principal: "BỘ TRƯỞNG", title: "THỨ TRƯỞNG", signer: "Nguyễn Thị Xuyên" }, "a flattened one-line block"],
    [["TM. ỦY BAN", "NHÂN DÂN", "CHỦ TỊCH", "Trương Cảnh Tuyên"], { authority: "TM", principal: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" }, "an office wrapped in its cell"],
    [["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Trịnh Mạnh Linh"], { authority: "KT", principal: "BỘ TRƯỞNG, CHỦ NHIỆM", title: "PHÓ CHỦ NHIỆM" }, "a double office"],
    [["KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "PGS.TS. Nguyễn Phong Điền"], { authority: "KT", principal: "GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", signer: "Nguyễn Phong Điền" }, "prefix without its dot; academic titles are not the name"],
  ])("%j (%s)", (lines, expected, _why) => {
    expect(readSignature(lines)).toMatchObject(expected);
  });

  it("is null when nothing reads as a signature", () => {
    expect(readSignature([])).toBeNull();
    expect(readSignature(["(Đã ký)"])).toBeNull();
  });
});

describe("readRecipients", () => {
  it.each([
    [["Nơi nhận:", "- TT Huyện ủy;", "- Lưu: VT."], [{ name: "TT Huyện ủy", note: null }, { name: "Lưu: VT", note: null }], "one item a line"],
    [["Nơi nhận:", "- Thành viên UBND TP (để báo cáo);", "- VP. UBND TP (2-9);"], [{ name: "Thành viên UBND TP", note: "để báo cáo" }, { name: "VP. UBND TP (2-9)", note: null }], "a purpose note, and a copy code that is part of the name"],
    [["Nơi nhận: - Như Điều 3; - Bộ LĐTB&XH; (để báo cáo) - Lưu: VT."], [{ name: "Như Điều 3", note: null }, { name: "Bộ LĐTB&XH", note: "để báo cáo" }, { name: "Lưu: VT", note: null }], "a collapsed cell, the purpose after the semicolon"],
    [["Nơi nhận:", "- Các tỉnh uỷ, thành uỷ, đảng uỷ", "trực thuộc Trung ương,"], [{ name: "Các tỉnh uỷ, thành uỷ, đảng uỷ trực thuộc Trung ương", note: null }], "an item wrapped over two lines"],
  ])("%j (%s)", (lines, expected, _why) => {
    expect(readRecipients(lines)).toEqual(expected);
  });
});

describe("readIssuer", () => {
  it.each([
    [["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"], { name: "Ủy ban nhân dân huyện Bình Sơn", parent: null }, "a name wrapped after the body's kind"],
    [["BỘ TÀI CHÍNH", "CỤC THUẾ"], { name: "Cục Thuế", parent: "BỘ TÀI CHÍNH" }, "an issuer under its superior body"],
    [["BAN CHẤP HÀNH", "TRUNG ƯƠNG", "BAN TỔ CHỨC"], { name: "Ban Tổ chức", parent: "BAN CHẤP HÀNH TRUNG ƯƠNG" }, "a Party department"],
    [["HỘI", "ĐỒNG NHÂN DÂN", "THÀNH PHỐ HUẾ"], { name: "Hội đồng nhân dân thành phố Huế", parent: null }, "a name broken mid-word-group"],
    [["UBND THÀNH PHỐ HÀ NỘI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"], { name: "Trung tâm Phục vụ hành chính công", parent: "UBND THÀNH PHỐ HÀ NỘI" }, "a centre under the city"],
  ])("%j (%s)", (lines, expected, _why) => {
    expect(readIssuer(lines)).toMatchObject(expected);
  });

  it.each([
    ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Ủy ban nhân dân tỉnh Quảng Ngãi"],
    ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"],
    ["VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"],
    ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"],
    ["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"],
    ["BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"],
    ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đảng cộng sản Việt Nam"],
  ])("sentence case: %s → %s", (upper, expected) => {
    expect(sentenceCase(upper)).toBe(expected);
  });
});
