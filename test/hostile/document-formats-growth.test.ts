// The readers of Word 97, RTF and web pages do work in proportion to their input: each, given a
// hostile file at two sizes ten times apart, may cost at most fifteen times the work (counted by
// the work meter, never timed).
import { describe, expect, it } from "vitest";
import { decodeDocument } from "../../src/input/decode-document.js";
import { makeDoc } from "../input/make-doc.js";
import { measureWork } from "./work-meter.js";

const MAX_GROWTH = 15;
const ascii = (s: string) => new TextEncoder().encode(s);

const FAMILIES: [string, string, (n: number) => Uint8Array][] = [
  ["rtf-nesting", "groups nested deeper than the reader follows, then text", (n) => ascii(`{\\rtf1 ${"{\\b ".repeat(n * 10)}C\\'e9ng${"}".repeat(n * 10)}}`)],
  ["rtf-fonts", "a font switch and a Unicode escape on every word", (n) => ascii(`{\\rtf1{\\fonttbl{\\f0 .VnTime;}{\\f1 VNI-Times;}}${"\\f0 C\\'e9ng \\f1 Co\\'e4ng \\u7897? ".repeat(n * 10)}}`)],
  ["rtf-unclosed", "a destination never closed", (n) => ascii(`{\\rtf1 Body {\\*\\generator ${"x".repeat(n * 100)}`)],
  ["html-nesting", "divs nested a thousand deep around the text", (n) => ascii(`<!DOCTYPE html><html><body>${"<div><span>Số: 12/KH-UBND</span>".repeat(n)}${"</div>".repeat(n)}</body></html>`)],
  ["html-table", "a table of many rows of cells in legacy fonts", (n) => ascii(`<!DOCTYPE html><html><body><table>${"<tr><td><font face='.VnTime'>Céng</font></td><td>hoµ</td></tr>".repeat(n * 10)}</table></body></html>`)],
  ["doc-runs", "a Word file whose font changes every few characters", (n) => makeDoc(Array.from({ length: 40 }, (_, i) => ({ text: "Céng hoµ x· héi ".repeat(Math.max(1, n / 6)), font: i % 3 })), [".VnTime", "VNI-Times", "Arial"])],
];

describe("reading Word, RTF and web pages: work grows linearly with the input", () => {
  it.each(FAMILIES)("%s (%s)", (_name, _why, build) => {
    const small = build(100);
    const large = build(1000);
    expect(large.length / small.length).toBeGreaterThan(4);
    const a = measureWork(() => decodeDocument(small));
    const b = measureWork(() => decodeDocument(large));
    expect(b.result.diagnostics.some((d) => d.code === "unreadable-document")).toBe(false);
    expect(b.work / a.work).toBeLessThan((MAX_GROWTH * large.length) / small.length / 10);
  });
});
