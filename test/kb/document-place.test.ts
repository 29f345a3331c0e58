import { describe, expect, it } from "vitest";
import { documentPlace, levelOfBody } from "../../src/kb/document-place.js";

const issuer = (name: string, parent: string | null = null) => ({ name, parent, inferred: false });

describe("a document's place in the administration", () => {
  it.each([
    ["Ban Chấp hành Trung ương", "trung ương"],
    ["Chính phủ", "trung ương"],
    ["Bộ Giáo dục và Đào tạo", "trung ương"],
    ["Ủy ban nhân dân tỉnh Quảng Ngãi", "tỉnh"],
    ["Tỉnh ủy Quảng Ngãi", "tỉnh"],
    ["Thành ủy Cần Thơ", "tỉnh"],
    ["Thành ủy Quảng Ngãi", "huyện"],
    ["UBND thành phố Quảng Ngãi", "huyện"],
    ["UBND TP. Hồ Chí Minh", "tỉnh"],
    ["Huyện ủy Bình Sơn", "huyện"],
    ["Ủy ban nhân dân huyện Bình Sơn", "huyện"],
    ["Đảng ủy xã Bình Châu", "xã"],
    ["Ủy ban nhân dân phường 5", "xã"],
    ["Ban chỉ đạo xã hội hóa", null],
  ])("%s is at level %s", (name, level) => {
    expect(levelOfBody(name)).toBe(level);
  });

  it("takes the province from the issuer, its superior, then the place line", () => {
    expect(documentPlace({ issuer: issuer("Phòng Giáo dục và Đào tạo", "UBND huyện Bình Sơn tỉnh Quảng Ngãi"), place: "Bình Sơn", system: "state" })).toEqual({ province: "Quảng Ngãi", formerProvince: null, level: "huyện", system: "state" });
    expect(documentPlace({ issuer: issuer("Trường THPT Lê Lợi"), place: "TP. Sóc Trăng", system: "state" })).toEqual({ province: "Cần Thơ", formerProvince: "Sóc Trăng", level: null, system: "state" });
    expect(documentPlace({ issuer: null, place: null, system: null })).toEqual({ province: null, formerProvince: null, level: null, system: null });
  });
});
