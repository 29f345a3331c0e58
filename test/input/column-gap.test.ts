// The one-scan test for a column gap must agree with the pattern that splits the cells.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasColumnGap } from "../../src/input/join-lines.js";

const COLUMN_GAP = /\t+\s*|\s{4,}|\s*\|\s*|-{3,}|_{3,}|={3,}/u;

describe("hasColumnGap", () => {
  it.each([
    ["UBND TỈNH\tCỘNG HÒA", true],
    ["CHÍNH PHỦ    CỘNG HÒA", true],
    ["a | b", true],
    ["CHÍNH PHỦ-------", true],
    ["___", true],
    ["a == b === c", true],
    ["a\u00a0\u00a0 \u3000b", true],
    ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", false],
    ["- – — -- __ ==", false],
    ["a   b", false],
  ])("%j → %s", (line, expected) => {
    expect(hasColumnGap(line)).toBe(expected);
    expect(COLUMN_GAP.test(line)).toBe(expected);
  });

  it("agrees with the pattern on any line", () => {
    const piece = fc.constantFrom(" ", "  ", "\t", "|", "-", "_", "=", "a", "Đ", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u200b", "\u200a", "\u1680", "\u2028", "\u2029", "\u202f", "\u205f", "\u0085", "\u180e", "ộ", "~", "–", "x y", "\r", "\v", "\f");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (parts) => {
        const line = parts.join("");
        expect(hasColumnGap(line)).toBe(COLUMN_GAP.test(line));
      }),
      { numRuns: 3000 },
    );
  });
});
