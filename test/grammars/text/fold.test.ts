import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText } from "../../../grammars/text/fold.js";

const COMBINING = /\p{M}/u;

// Every letter of the Vietnamese alphabet in both cases with every tone, plus ASCII and the
// punctuation documents carry: NFC strings built from these have no stray combining marks.
const VOWELS = "aăâeêioôơuưy";
const TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const LETTERS = [
  ...VOWELS.split("").flatMap((v) => TONES.map((t) => (v + t).normalize("NFC"))),
  ..."bcdđghklmnpqrstvx".split(""),
].flatMap((ch) => [ch, ch.toUpperCase()]);
const OTHERS = [..."0123456789 .,;:/-–“”()%\n\t", "\u00a0"];
const vietnameseText = fc.array(fc.constantFrom(...LETTERS, ...OTHERS), { maxLength: 80 }).map((chars) => chars.join(""));

describe("foldText", () => {
  it.each([
    ["Cộng hòa xã hội chủ nghĩa Việt Nam", "cong hoa xa hoi chu nghia viet nam", "tones and quality marks go, case folds"],
    ["ĐẢNG CỘNG SẢN VIỆT NAM", "dang cong san viet nam", "đ/Đ fold to d"],
    ["Ðoàn", "doan", "U+00D0 (eth) stands in for Đ in converted files"],
    ["ho\u0300a", "hoa", "decomposed input loses its marks too"],
    ["29-NQ/TW ngày 04/11/2013", "29-nq/tw ngay 04/11/2013", "punctuation and digits stay in place"],
    ["İstanbul", "istanbul", "a capital whose lower case is two code units still folds to one"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("leaves no combining marks, on any input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => !COMBINING.test(foldText(s))));
  });

  it("preserves the length of NFC Vietnamese text, so offsets carry over", () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        const nfc = s.normalize("NFC");
        return foldText(nfc).length === nfc.length;
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => foldText(foldText(s)) === foldText(s)));
  });

  it("folds NFC and NFD spellings alike", () => {
    fc.assert(fc.property(vietnameseText, (s) => foldText(s.normalize("NFD")) === foldText(s.normalize("NFC"))));
  });

  it("handles texts longer than its scratch buffer", () => {
    const long = "Huyện ủy ".repeat(5000);
    expect(foldText(long)).toBe("huyen uy ".repeat(5000));
  });
});
