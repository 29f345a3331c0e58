import { describe, expect, it } from "vitest";
import { findSectionHeading, readSigningStamp } from "../../src/input/pdf-furniture.js";
import { isGarbled } from "../../src/input/pdf-text.js";

describe("the digital-signature stamp", () => {
  it.each([
    [["Ký bởi: CÔNG BÁO", "Cơ quan: VĂN PHÒNG CHÍNH PHỦ", "Ngày ký: 2026-05-08 16:42:06 +07:00"], { signer: "CÔNG BÁO", organization: "VĂN PHÒNG CHÍNH PHỦ", email: null, raw: "2026-05-08 16:42:06 +07:00", date: "2026-05-08", page: 1 }, "ISO time"],
    [["Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", "Email: a@chinhphu.vn", "Thời gian ký: 19.03.2025 15:26:26 +07:00"], { signer: "CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", organization: null, email: "a@chinhphu.vn", raw: "19.03.2025 15:26:26 +07:00", date: "2025-03-19", page: 1 }, "day first"],
    [["Căn cứ Luật Tổ chức Chính phủ"], null, "no stamp"],
  ])("%j", (lines, expected, _why) => {
    expect(readSigningStamp(lines, 1)).toEqual(expected);
  });
});

describe("the gazette's section heading over the issuer column", () => {
  it.each([
    [["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "Số: 03/2025/TT-BLĐTBXH"], 0, "spelled out over two lines"],
    [["CHÍNH PHỦ", "Số: 113/NQ-CP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], -1, "no heading"],
  ])("%j → %i", (lines, expected, _why) => {
    expect(findSectionHeading(lines)).toBe(expected);
  });
});

describe("a garbage text layer", () => {
  const vietnamese = "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; theo đề nghị của Bộ trưởng Bộ Tài chính, Chính phủ ban hành Nghị định quy định chi tiết một số điều của luật này về quản lý phí.";
  it.each([
    [vietnamese, false, "real text"],
    [vietnamese.replace(/[a-zà-ỹ]/gu, (c) => String.fromCharCode(0xe000 + c.charCodeAt(0) % 200)), true, "glyph codes in the private use area"],
    [vietnamese.replace(/\p{L}/gu, (c) => "qwxzjfk"[c.charCodeAt(0) % 7]!), true, "letters, but no Vietnamese words"],
    ["Trang 2", false, "too little to judge"],
  ])("%s", (text, expected, _why) => {
    expect(isGarbled(text)).toBe(expected);
  });
});
