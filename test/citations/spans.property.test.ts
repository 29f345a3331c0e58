// Properties of findCitations on any input: it returns (never throws), every citation's span is
// its raw text, spans stand in document order without overlapping, and a reference keeps its key
// whatever prose surrounds it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCitations } from "../../src/citations/index.js";
import { LineIndex } from "../../src/input/line-index.js";

/** Checks the span invariants of the citations of `text` and returns them. */
function checkSpans(text: string) {
  const lineIndex = new LineIndex(text);
  const found = findCitations(text, [{ start: 0, end: text.length, context: "body" }], { lineIndex });
  let previousEnd = 0;
  for (const c of found) {
    const { offset, length, line, column } = c.span;
    expect(text.slice(offset, offset + length)).toBe(c.raw);
    expect(length).toBeGreaterThan(0);
    expect(offset).toBeGreaterThanOrEqual(previousEnd);
    expect(lineIndex.position(offset)).toEqual({ line, column });
    previousEnd = offset + length;
  }
  return found;
}

// Real reference phrases, each with the key it has standing alone (numbers unique, dates given,
// so that no phrase lends another a year).
const PHRASES: [string, string][] = [
  ["Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư", "NĐ:30:CP@2020"],
  ["Kế hoạch số 253-KH/HU ngày 20/11/2024 của Huyện uỷ Bình Sơn", "KH:253:HU@2024-11-20"],
  ["Quyết định số 773 /QĐ-TTg ngày 12/6/2019", "QĐ:773:TTG@2019"],
  ["Công văn số 3280/UBND-VX ngày 28 tháng 10 năm 2025", "CV:3280:UBND-VX@2025-10-28"],
  ["Thông tư liên tịch số 25/2010/TTLT-BLĐTBXH-BTC-BYT ngày 11/9/2010", "TTLT:25:BLDTBXH-BTC-BYT@2010"],
  ["Quy định số 339-QĐ/TW, ngày 10/7/2025 của Ban Bí thư", "QĐi:339:TW@2025"],
  ["Luật Giáo dục số 43/2019/QH14", "Luật:43:QH14@2019"],
  ["Kế hoạch số 0125/KH-UBND ngày 18/11/2025", "KH:125:UBND@2025-11-18"],
  ["NGHỊ QUYẾT SỐ 29-NQ/TW NGÀY 04/11/2013", "NQ:29:TW@2013"],
  ["Tờ trình số 215/TTr- NHNN ngày 28 tháng 11 năm 2025", "TTr:215:NHNN@2025"],
];
// Prose with no type word and no figure: it must not change what the phrases say.
const NOISE = ["thực hiện", "đề nghị các cơ quan", "bảo đảm tiến độ", "(như trên)", "các đơn vị, địa phương", "cụ thể như sau:", "- Lưu: VT", "“tăng cường”"];
const SEPARATORS = ["; ", ";\n", ".\n", "; và ", ";\n\n- "];

describe("spans", () => {
  it("hold on random text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => void checkSpans(text)), { numRuns: 400 });
  });

  it("hold on text made of reference material", () => {
    const piece = fc.oneof(
      fc.constantFrom(...PHRASES.map((p) => p[0])),
      fc.constantFrom(...NOISE),
      fc.constantFrom("số", "Số:", "ngày", "năm", "của", "về", "khóa XI", "và", ",", ";", "(", ")", "“", "”", "\n", "/", "-", "–", "12", "2025", "QĐ", "TTg", "Quyết định", "quy định", "Luật", "này"),
      fc.stringMatching(/^[0-9]{1,4}[/-][A-ZĐ]{1,4}[-/][A-Za-zĐ]{1,5}$/),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(" ", "", "  ", "\n"), (pieces, joiner) => void checkSpans(pieces.join(joiner))), {
      numRuns: 400,
    });
  });
});

describe("keys do not depend on the prose around a reference", () => {
  it("finds each phrase, in order, with its own key", () => {
    const arbitrary = fc.array(fc.tuple(fc.constantFrom(...PHRASES), fc.constantFrom(...NOISE), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(arbitrary, (parts) => {
        const text = parts.map(([[phrase], noise, separator]) => `${noise} ${phrase}${separator}`).join("");
        const keys = checkSpans(text).map((c) => c.key);
        expect(keys).toEqual(parts.map(([[, key]]) => key));
      }),
      { numRuns: 300 },
    );
  });
});
