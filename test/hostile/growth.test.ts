// Time and memory stay proportional to the input: each hostile input, parsed at two sizes ten
// times apart, may cost at most fifteen times the work (counted by the work meter, never timed).
// Every family here was quadratic somewhere before (line joining, TCVN3 capitals, citation
// grouping and short forms, the preamble's citations, remark on long paragraphs) or guards a
// stage that could become so.
import { describe, expect, it } from "vitest";
import { parseDocumentBytes } from "../../src/document/parse-document.js";
import { DocumentRecord } from "../../src/model/record.js";
import { readCitationFacts } from "../../src/kb/citation-facts.js";
import { HOSTILE_DOCUMENTS } from "./hostile-documents.js";
import { measureWork } from "./work-meter.js";

const MAX_GROWTH = 15;

describe("the work meter", () => {
  it("sees a pattern run over a growing string as quadratic, and a single pass as linear", () => {
    const quadratic = (n: number) => {
      let text = "";
      for (let i = 0; i < n; i++) {
        text += "của ";
        /(?:^|\s)của$/u.test(text);
      }
    };
    const linear = (n: number) => /x/u.test("của ".repeat(n));
    const ratio = (f: (n: number) => unknown) => measureWork(() => f(2000)).work / measureWork(() => f(200)).work;
    expect(ratio(quadratic)).toBeGreaterThan(50);
    expect(ratio(linear)).toBeLessThan(11);
  });

  it("counts array copies in a loop and callback scans", () => {
    const spreading = (n: number) => {
      let list: number[] = [];
      for (let i = 0; i < n; i++) list = [...list, i];
    };
    const filtering = (n: number) => {
      const list = Array.from({ length: n }, (_, i) => i);
      for (const x of list) list.filter((y) => y === x);
    };
    for (const f of [spreading, filtering]) expect(measureWork(() => f(1000)).work / measureWork(() => f(100)).work).toBeGreaterThan(50);
  });
});

describe("work grows linearly with the input", () => {
  it.each(Object.entries(HOSTILE_DOCUMENTS).map(([name, d]) => [name, d.why, d.build] as const))("%s (%s)", (_name, _why, build) => {
    const small = build(100);
    const large = build(1000);
    expect(large.length / small.length).toBeGreaterThan(4);
    const a = measureWork(() => parseDocumentBytes(small));
    const b = measureWork(() => parseDocumentBytes(large));
    for (const { record } of [a.result, b.result]) {
      expect(record.diagnostics.filter((d) => d.code === "internal")).toEqual([]);
      expect(DocumentRecord.safeParse(record).success).toBe(true);
    }
    // Grows with the input's length, which is not always exactly ten times (headers, closing).
    const inputGrowth = large.length / small.length;
    expect(b.work / a.work).toBeLessThanOrEqual(MAX_GROWTH * Math.max(1, inputGrowth / 10));
  });
});

// What the store keeps of each citation (its sentence, its holder, its label) was quadratic in a
// document's citations: the sentence was looked for from the text's start for every citation.
describe("the store's citation facts grow linearly with the input", () => {
  it.each(Object.entries(HOSTILE_DOCUMENTS).map(([name, d]) => [name, d.build] as const))("%s", (_name, build) => {
    const [small, large] = [parseDocumentBytes(build(100)), parseDocumentBytes(build(1000))];
    const a = measureWork(() => readCitationFacts(small.record, small.text));
    const b = measureWork(() => readCitationFacts(large.record, large.text));
    const inputGrowth = large.text.length / Math.max(1, small.text.length);
    // A small input with no citation costs next to nothing: its length is the least work counted.
    expect(b.work / Math.max(a.work, small.text.length)).toBeLessThanOrEqual(MAX_GROWTH * Math.max(1, inputGrowth / 10));
  });
});

// (150,000 diagnostics overflowed the stack: test/fuzz/regressions/ holds those inputs.)
describe("diagnostics stay bounded", () => {
  it("sums up a file that changes encoding on every line in a few diagnostics", () => {
    // Each line pair: a byte that is not UTF-8 (read as Windows-1252), then a valid UTF-8 line.
    const bytes: number[] = [];
    for (let i = 0; i < 2_000; i++) bytes.push(0xe9, 0x0a, 0x61, 0xc3, 0xa9, 0x0a);
    const { record } = parseDocumentBytes(Uint8Array.from(bytes));
    expect(record.diagnostics.filter((d) => d.code === "internal")).toEqual([]);
    expect(record.diagnostics.length).toBeLessThan(30);
    expect(record.diagnostics.find((d) => d.code === "more-encodings")?.message).toMatch(/^\d+ more runs of lines from line \d+ on/);
  });
});
