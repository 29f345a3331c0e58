// The reference grammar itself: the number matcher's shapes, the lexer's optimisations, and a
// parser that reads any token sequence without throwing.
import { Lexer } from "../../grammars/chevrotain.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceLexer, referenceTokens, scanNumber, scanNumericDate } from "../../grammars/reference-tokens.js";
import { readEntry } from "../../src/citations/reference-visitor.js";

describe("scanNumber", () => {
  it.each<[string, { seq: string; year: number | null; style: "state" | "party"; segments: string[] } | null, string]>([
    ["29-NQ/TW", { seq: "29", year: null, style: "party", segments: ["NQ", "TW"] }, "Party"],
    ["30/2020/NĐ-CP", { seq: "30", year: 2020, style: "state", segments: ["NĐ", "CP"] }, "legal-normative"],
    ["3280/UBND-VX", { seq: "3280", year: null, style: "state", segments: ["UBND", "VX"] }, "công văn"],
    ["66.4/2025/NQ-CP", { seq: "66.4", year: 2025, style: "state", segments: ["NQ", "CP"] }, "decimal sequence"],
    ["1025/PLYK/2025", { seq: "1025", year: 2025, style: "state", segments: ["PLYK"] }, "trailing year"],
    ["837 / QĐ - BKH", { seq: "837", year: null, style: "state", segments: ["QĐ", "BKH"] }, "spaces on both sides after a type code"],
    ["119- KH/TU", { seq: "119", year: null, style: "party", segments: ["KH", "TU"] }, "space after the dash"],
    ["135/2020/NĐ -CP", { seq: "135", year: 2020, style: "state", segments: ["NĐ", "CP"] }, "space before the dash"],
    ["25/2010/TTLT-BLĐTBXH-BTC-BYT", { seq: "25", year: 2010, style: "state", segments: ["TTLT", "BLĐTBXH", "BTC", "BYT"] }, "joint issuers"],
    ["1330/QĐ-CT.UB", { seq: "1330", year: null, style: "state", segments: ["QĐ", "CT.UB"] }, "dotted code"],
    ["324/QTR-KTr2", { seq: "324", year: null, style: "state", segments: ["QTR", "KTr2"] }, "digits and lower case in a unit code"],
    ["3210/QĐ - U B ND", { seq: "3210", year: null, style: "state", segments: ["QĐ"] }, "letter-spaced: the stray letters are dropped"],
    ["29-NQ/TW - UBND tỉnh", { seq: "29", year: null, style: "party", segments: ["NQ", "TW"] }, "a list dash after the number is not part of it"],
    ["2021-2025", null, "a year range"],
    ["04/11/2013", null, "a date"],
    ["12/Nam", null, "a word, not a code"],
    ["10/2", null, "a fraction"],
    ["1- Dự án", null, "a word with marks"],
  ])("%s", (text, expected) => {
    const m = scanNumber(text, 0);
    expect(m ? { seq: m.shape.seq, year: m.shape.year, style: m.shape.style, segments: m.shape.segments } : null).toEqual(expected);
  });

  it("does not start inside a word or a number", () => {
    expect(scanNumber("BCĐQG1237/KH-X", 5)).toBeNull();
    expect(scanNumber("135/2020/NĐ-CP", 4)).toBeNull();
  });

  it.each([
    ["04/11/2013", 10],
    ["4-11-2013", 9],
    ["01/ 7 /2004", 11],
    ["04/11-2013", null],
    ["29/8", null],
  ])("reads the numeric date %s", (text, end) => {
    expect(scanNumericDate(text, 0)).toBe(end);
  });
});

describe("lexer", () => {
  it("has the first-character optimisations for every token", () => {
    expect(() => new Lexer(referenceTokens, { positionTracking: "onlyOffset", ensureOptimizations: true })).not.toThrow();
  });

  it("never fails and covers the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const { tokens, errors } = referenceLexer.tokenize(text);
        expect(errors).toEqual([]);
        for (const t of tokens) expect(text.slice(t.startOffset, t.startOffset + t.image.length)).toBe(t.image);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parser", () => {
  it("reads any token sequence without throwing, within the text", () => {
    const words = fc.constantFrom("Quyết định", "số", "29-NQ/TW", "ngày", "04/11/2013", "của", "Bộ", "Chính trị", "về", "khóa XI", "(", ")", ",", "và", "12", "tháng", "năm", "này", "Luật", "TT", "“", "Về");
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
        const text = parts.join(" ");
        const reading = readEntry(text, referenceLexer.tokenize(text).tokens);
        expect(reading.end).toBeLessThanOrEqual(text.length);
        for (const r of reading.references) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(r.end).toBeGreaterThan(r.start);
        }
      }),
      { numRuns: 400 },
    );
  });
});
