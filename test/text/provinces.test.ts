import { describe, expect, it } from "vitest";
import { formerProvinces, PROVINCES, placeKey, provinceNamedIn, provinceOf } from "../../src/text/provinces.js";

describe("provinces", () => {
  it("holds the 34 provinces of Nghị quyết 202/2025/QH15 and the 63 before it, each once", () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.city).map((p) => p.name).sort()).toEqual(["Cần Thơ", "Đà Nẵng", "Hà Nội", "Hải Phòng", "Hồ Chí Minh", "Huế"].sort());
    const former = formerProvinces();
    expect(former).toHaveLength(63);
    expect(new Set(former.map(placeKey)).size).toBe(63);
  });

  it.each(["TP. Cần Thơ", "thành phố Cần Thơ", "TP.Cần Thơ", "Cần Thơ", "Thành Phố CẦN THƠ", "tp can tho"])("%s is one place: can tho", (written) => {
    expect(placeKey(written)).toBe("can tho");
    expect(provinceOf(written)).toEqual({ province: "Cần Thơ", former: null, city: true });
  });

  it.each([
    ["tỉnh Sóc Trăng", "Cần Thơ", "Sóc Trăng"],
    ["Hậu Giang", "Cần Thơ", "Hậu Giang"],
    ["Bà Rịa – Vũng Tàu", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu"],
    ["TP.HCM", "Hồ Chí Minh", null],
    ["Thừa Thiên Huế", "Huế", null],
    ["Kon Tum", "Quảng Ngãi", "Kon Tum"],
    ["tỉnh Hoà Bình", "Phú Thọ", "Hòa Bình"],
  ])("a former or variant name %s is found under today's %s, the former name kept", (written, province, former) => {
    expect(provinceOf(written)).toMatchObject({ province, former });
  });

  it("names no province for a district or a word that is not a place", () => {
    expect(provinceOf("Bình Sơn")).toBeNull();
    expect(provinceOf("")).toBeNull();
  });

  it.each([
    ["Ủy ban nhân dân huyện Bình Sơn, tỉnh Quảng Ngãi", "Quảng Ngãi"],
    ["Sở Giáo dục và Đào tạo tỉnh Bà Rịa - Vũng Tàu", "Hồ Chí Minh"],
    ["UBND TP. Hồ Chí Minh", "Hồ Chí Minh"],
    ["Tỉnh ủy Sóc Trăng", "Cần Thơ"],
    ["Ban Bí thư", null],
  ])("finds the province named in a body's name: %s", (name, province) => {
    expect(provinceNamedIn(name)?.province ?? null).toBe(province);
  });
});
