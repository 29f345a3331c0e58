import { describe, expect, it } from "vitest";
import { administrativeLevelOf, administrativeLevelPattern } from "../../grammars/vocabulary/administrative-levels.js";
import { issuerLocality } from "../../src/kb/issuer-match.js";

describe("administrative levels", () => {
  it.each([
    ["huyện", "huyện", "written in full"],
    ["TP.", "thành phố", "an abbreviation, upper case"],
    ["tx", "thị xã", "an abbreviation without its dot"],
    ["Đặc khu", "đặc khu", "the commune-level special zone of 2025"],
    ["xã hội", null, "no level"],
  ])("%s → %s (%s)", (written, level, _why) => {
    expect(administrativeLevelOf(written)).toBe(level);
  });

  it("puts longer names first in the pattern, so thị xã is not read as xã", () => {
    const alternatives = administrativeLevelPattern().split("|");
    expect(alternatives.indexOf("thị xã")).toBeLessThan(alternatives.indexOf("xã"));
  });

  it.each([
    ["Ủy ban nhân dân huyện Bình Sơn tỉnh Quảng Ngãi", { level: "huyện", place: "binh son" }, "the first level named is the body's own"],
    ["UBND TP. Hồ Chí Minh", { level: "thành phố", place: "ho chi minh" }, "an abbreviated level"],
    ["Ban chỉ đạo xã hội hóa tỉnh Gia Lai", { level: "tỉnh", place: "gia lai" }, "xã hội is no commune"],
    ["Ban Bí thư", null, "a central body has no locality"],
  ])("the locality of %s", (name, locality, _why) => {
    expect(issuerLocality(name)).toEqual(locality);
  });
});
