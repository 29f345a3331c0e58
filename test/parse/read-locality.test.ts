// The locality the parse reads from an issuer's name: [name, expected, why].
import { describe, expect, it } from "vitest";
import { readLocality } from "../../src/parse/read-locality.js";
import { parseText } from "../../src/parse/parse-document.js";

describe("readLocality", () => {
  it.each([
    ["Ủy ban nhân dân huyện Bình Sơn", { level: "huyện", name: "Bình Sơn" }, "the place keeps its marks and case"],
    ["UBND TỈNH QUẢNG NGÃI", { level: "tỉnh", name: "QUẢNG NGÃI" }, "written in capitals, kept so"],
    ["Ủy ban nhân dân huyện Bình Sơn tỉnh Quảng Ngãi", { level: "huyện", name: "Bình Sơn" }, "the first level named is the body's own"],
    ["UBND TP. Hồ Chí Minh", { level: "thành phố", name: "Hồ Chí Minh" }, "an abbreviated level in full"],
    ["Ủy ban nhân dân thị xã Hương Thủy", { level: "thị xã", name: "Hương Thủy" }, "thị xã, not xã"],
    ["Đảng bộ tỉnh Quảng Ngãi khóa XX", { level: "tỉnh", name: "Quảng Ngãi" }, "a term after the place is not part of it"],
    ["UBND tỉnh Quảng Ngãi, Sở Giáo dục và Đào tạo", { level: "tỉnh", name: "Quảng Ngãi" }, "a clause after a comma is not the place"],
    ["Ủy ban nhân dân tỉnh Hà Tĩnh", { level: "tỉnh", name: "Hà Tĩnh" }, "Tĩnh in a place's name is no tỉnh"],
    ["UBND HUYỆN CẨM XUYÊN TỈNH HÀ TĨNH", { level: "huyện", name: "CẨM XUYÊN" }, "the superior's locality in capitals"],
    ["Bộ Lao động - Thương binh và Xã hội", null, "xã hội is not a commune"],
    ["Ban Chấp hành Trung ương", null, "a central body has none"],
  ])("%s", (name, expected, _why) => {
    expect(readLocality(name)).toEqual(expected);
  });
});

describe("the parse", () => {
  it("sets the issuer's locality, null where its name gives none", () => {
    const head = (issuer: string) => `${issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nBình Sơn, ngày 18 tháng 6 năm 2024\nKẾ HOẠCH\nTriển khai công tác năm 2024\nI. MỤC ĐÍCH\nNội dung.`;
    expect(parseText(head("ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN")).record.issuer).toMatchObject({ name: "Ủy ban nhân dân huyện Bình Sơn", locality: { level: "huyện", name: "Bình Sơn" } });
    expect(parseText(head("BỘ GIÁO DỤC VÀ ĐÀO TẠO")).record.issuer).toMatchObject({ locality: null });
  });
});
