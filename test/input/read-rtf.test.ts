// RTF: groups, escapes, Unicode with fallbacks, skipped destinations and the font table, each
// run decoded by its font.
import { describe, expect, it } from "vitest";
import { decodeDocument } from "../../src/input/decode-document.js";
import { readRtfRuns } from "../../src/input/read-rtf.js";

const rtf = (body: string) => new TextEncoder().encode(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fcharset0{\\*\\panose 020b7200000000000000}.VnTime;}{\\f2 .VnTimeH;}{\\f3 VNI-Times;}{\\f4\\fcharset163 Arial;}}${body}}`);
const text = (bytes: Uint8Array) => {
  const read = readRtfRuns(bytes);
  if ("error" in read) throw new Error(read.error);
  return read.runs.map((r) => r.text).join("");
};

describe("readRtfRuns", () => {
  it.each([
    ["hexadecimal bytes in a legacy font stay 1252 characters for its decoder", "\\f1 C\\'e9ng ho\\'b5\\par", [{ text: "Céng hoµ\n", font: ".VnTime" }]],
    ["\\uN gives the character and skips \\ucN fallbacks", "\\f0\\uc1 \\u7897?ng\\uc2 \\u7897\\'3f\\'3fn\\par", [{ text: "ộngộn\n", font: "Times New Roman" }]],
    ["bytes in a font of the Vietnamese charset are read as Windows-1258", "\\f4 Vi\\'ea\\'f2t\\par", [{ text: "Việt\n", font: "Arial" }]],
  ])("%s", (_why, body, runs) => {
    const read = readRtfRuns(rtf(body));
    expect("runs" in read && read.runs.map((r) => ({ ...r, text: r.text.normalize("NFC") }))).toEqual(runs);
  });

  it.each([
    ["the style sheet, pictures, headers and \\* destinations are skipped", "{\\stylesheet{\\s0 Normal;}}{\\header Trang 1\\par}{\\*\\generator Word;}{\\pict 0a0b}Body\\par", "Body\n"],
    ["a field's instruction is skipped, its result kept", "{\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt Article 5}}\\par", "Article 5\n"],
    ["escaped braces and backslash, tabs, quotes and dashes", "a\\{b\\}c\\\\d\\tab x\\emdash y\\ldblquote z\\rdblquote\\par", "a{b}c\\d\tx—y“z”\n"],
    ["a table row of one-line cells is one line", "\\intbl No\\cell Name\\cell\\row After\\par", "No | Name\nAfter\n"],
    ["footnotes follow the body", "Text{\\footnote\\pard Note one.}\\par more\\par", "Text\nmore\n\n[1] Note one."],
  ])("%s", (_why, body, expected) => {
    expect(text(rtf(body))).toBe(expected);
  });

  it("never throws on RTF cut anywhere or nested past the limit", () => {
    const whole = rtf("\\f1 C\\'e9ng ho\\'b5{\\b x\\u7897?}\\par");
    for (let cut = 0; cut < whole.length; cut++) expect(() => readRtfRuns(whole.subarray(0, cut))).not.toThrow();
    const deep = new TextEncoder().encode(`{\\rtf1 ${"{".repeat(100000)}a${"}".repeat(100000)}}`);
    expect(text(deep)).toBe("a");
  });
});

describe("decodeDocument on RTF", () => {
  it("decodes TCVN3, its capitals and VNI by font; a .doc that is really RTF is read as RTF", () => {
    const decoded = decodeDocument(rtf("\\f2 c\\'e9ng ho\\'b5\\par\\f1 H\\'b5 N\\'e9i\\par\\f3 Co\\'e4ng\\par"));
    expect(decoded.text).toBe("CỘNG HOÀ\nHà Nội\nCộng\n");
    expect(decoded.format).toBe("rtf");
  });
});
