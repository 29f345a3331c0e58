import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeText } from "../../src/search/analyze-text.js";
import { buildFieldTerms } from "../../src/search/index-terms.js";
import { INDEX_FIELDS, TEXT_FIELDS } from "../../src/search/index-document.js";
import { toneKey } from "../../src/search/tone-key.js";

// What buildFieldTerms must give, written the plain way: the tokens of each field from one
// analysis, each token's term, an identifier's parts after it, and a date written in words as
// digits right after its `ngày`, a word written with diacritics its reading term after it.
function expectedTerms(text: string, segmentEnds: number[], numberTerms: string, refTerms: string): string[][] {
  const tokens = analyzeText(text, undefined, segmentEnds[0] ?? 0);
  const isNumber = (i: number, max: number) => tokens[i]?.kind === "number" && /^\d+$/.test(tokens[i]!.term) && Number(tokens[i]!.term) <= max;
  const fields: string[][] = [];
  for (let f = 0; f < TEXT_FIELDS.length; f++) {
    const start = f === 0 ? 0 : segmentEnds[f]!;
    const end = segmentEnds[f + 1] ?? text.length;
    const inField = tokens.filter((t) => t.start >= start && t.start < end && t.start >= (segmentEnds[0] ?? 0));
    const out: string[] = [];
    inField.forEach((token, i) => {
      out.push(token.term);
      if (token.parts) out.push(...token.parts);
      const written = text.slice(token.start, token.end);
      if (token.kind === "word" && /[^\x00-\x7f]/.test(written)) out.push(`${token.term}~${toneKey(written)}`);
      const at = tokens.indexOf(token);
      const same = (j: number) => tokens[at + j] !== undefined && inField.includes(tokens[at + j]!);
      if (token.term === "ngay" && [1, 2, 3, 4, 5].every(same) && isNumber(at + 1, 31) && tokens[at + 2]!.term === "thang" && isNumber(at + 3, 12) && tokens[at + 4]!.term === "nam" && isNumber(at + 5, 9999) && tokens[at + 5]!.term.length === 4) {
        out.push(`${tokens[at + 1]!.term}/${tokens[at + 3]!.term}/${tokens[at + 5]!.term}`);
      }
      void i;
    });
    fields.push(out);
  }
  fields.push(numberTerms ? numberTerms.split(" ") : [], refTerms ? refTerms.split(" ") : []);
  return fields;
}

describe("the terms a document is indexed under", () => {
  it("are each token's term, an identifier's parts, a word's reading, and a written date as digits after its ngày", () => {
    const text = "203/TB-UBND\nThông báo ngày 13 tháng 4 năm 2020\nỦy ban\nA\nB\nKế hoạch 29-NQ/TW, ngay 05 thang 06 nam 2021 và ngày 3 tháng 13 năm 2020\nC";
    const ends = [11, 46, 53, 55, 57, 127, 129];
    const fields = buildFieldTerms(text, ends, "203/tb/ubnd 203", "29/nq/tw");
    expect(fields).toHaveLength(INDEX_FIELDS.length);
    expect(fields[0]).toEqual(["thong", "thong~thông", "bao", "bao~bao1", "ngay", "13/4/2020", "ngay~ngay2", "13", "thang", "thang~thang1", "4", "nam", "nam~năm", "2020"]);
    expect(fields[4]).toEqual(["ke", "ke~kê1", "hoach", "hoach~hoach5", "29/nq/tw", "29", "nq", "tw", "ngay", "5/6/2021", "5", "thang", "6", "nam", "2021", "va", "va~va2", "ngay", "ngay~ngay2", "3", "thang", "thang~thang1", "13", "nam", "nam~năm", "2020"]);
    expect(fields.slice(-2)).toEqual([["203/tb/ubnd", "203"], ["29/nq/tw"]]);
  });

  it("never join a date across two fields", () => {
    const text = "\nngày 13 tháng 4\nnăm 2020";
    expect(buildFieldTerms(text, [0, 16, 16, 16, 16, 16, text.length], "", "")).toEqual([["ngay", "ngay~ngay2", "13", "thang", "thang~thang1", "4"], [], [], [], [], ["nam", "nam~năm", "2020"], [], []]);
  });

  it("agree with the plain reading on any text", () => {
    const pieces = fc.constantFrom("ngày", "ngay", "tháng", "năm", "12", "2020", "013", "1.000", "29-NQ/TW", "TP.HCM", "Hà Nội", "\n", " ", ", ", "7h30", "̀", "đ");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.array(fc.nat(), { minLength: 7, maxLength: 7 }), (words, cuts) => {
        const text = words.join(" ");
        const ends = cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b);
        ends[6] = text.length;
        expect(buildFieldTerms(text, ends, "", "")).toEqual(expectedTerms(text, ends, "", ""));
      }),
      { numRuns: 400 },
    );
  });
});
