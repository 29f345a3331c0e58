import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/search/analyze-text.js";
import { normalizeIdentifier, dateTerm } from "../../src/search/identifier.js";

const terms = (text: string) => analyzeText(text).map((t) => `${t.kind}:${t.term}`);

describe("analyzeText", () => {
  it.each([
    ["Kế hoạch giáo dục", ["word:ke", "word:hoach", "word:giao", "word:duc"], "syllables, folded"],
    ["113/KH-UBND", ["identifier:113/kh/ubnd"], "a state number stays whole"],
    ["29-NQ/TW", ["identifier:29/nq/tw"], "a Party number stays whole"],
    ["29/NQ-TW", ["identifier:29/nq/tw"], "either connector order gives one term"],
    ["30/2020/NĐ-CP", ["identifier:30/2020/nd/cp"], "a number with its year"],
    ["01779/QĐ-UBND", ["identifier:1779/qd/ubnd"], "zero padding goes"],
    ["08-CTr/HU", ["identifier:8/ctr/hu"], "mixed-case type codes fold"],
    ["04/11/2013", ["identifier:4/11/2013"], "a date is an identifier of three numbers"],
    ["15.314 học sinh", ["number:15314", "word:hoc", "word:sinh"], "`.` before three digits separates thousands"],
    ["47,58%", ["number:47,58"], "`,` is the decimal mark"],
    ["tuần 04", ["word:tuan", "number:4"], "standalone numbers lose their padding too"],
    ["2021–2025", ["identifier:2021/2025"], "a range without spaces"],
    ["Tài chính – Kế hoạch", ["word:tai", "word:chinh", "word:ke", "word:hoach"], "a spaced dash separates words"],
    ["năm 2023.Trong", ["word:nam", "number:2023", "word:trong"], "a full stop after a number ends the sentence"],
    ["TP.HCM", ["identifier:tp/hcm"], "a full stop between capitals joins an abbreviation"],
    ["HĐND&UBND", ["identifier:hdnd/ubnd"], "& joins bodies"],
    ["7h30’", ["word:7h30"], "letters and digits without a connector are one word; the apostrophe is not"],
    ["hết./.", ["word:het"], "the end mark is punctuation"],
    ["Số: /KH-UBND", ["word:so", "identifier:kh/ubnd"], "an unfilled number keeps its code"],
    ["ho\u0300a", ["word:hoa"], "a stray combining mark stays inside its word"],
  ])("%s (%s)", (input, expected) => {
    expect(terms(input)).toEqual(expected);
  });

  it("gives spans into the original text", () => {
    const text = "Căn cứ Nghị quyết số 29-NQ/TW;";
    const tokens = analyzeText(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["Căn", "cứ", "Nghị", "quyết", "số", "29-NQ/TW"]);
    expect(tokens.at(-1)!.parts).toEqual(["29", "nq", "tw"]);
  });

  it("marks tokens that follow a line break", () => {
    const tokens = analyzeText("giáo\ndục và");
    expect(tokens.map((t) => t.lineBreakBefore)).toEqual([false, true, false]);
  });

  it("analyses a range of the text only", () => {
    const text = "một hai ba";
    expect(analyzeText(text, undefined, 4, 7).map((t) => t.term)).toEqual(["hai"]);
  });
});

describe("normalizeIdentifier", () => {
  it.each<[string, string | null, string]>([
    ["29-NQ/TW", "29/nq/tw", "Party spelling"],
    ["29/NQ-TW", "29/nq/tw", "state-style spelling of the same document"],
    ["29 - NQ / TW", "29/nq/tw", "spaces around connectors"],
    ["203 /TB-UBND", "203/tb/ubnd", "the parser's raw number keeps the space before the slash"],
    ["01779/QĐ-UBND", "1779/qd/ubnd", "padding"],
    ["", null, "nothing to normalise"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(normalizeIdentifier(input)).toBe(expected);
  });
});

describe("dateTerm", () => {
  it.each<[string, string | null]>([
    ["2013-11-04", "4/11/2013"],
    ["2024-02", "2/2024"],
    ["2024", "2024"],
    ["04/11/2013", null],
  ])("%s → %s", (iso, expected) => {
    expect(dateTerm(iso)).toBe(expected);
  });
});
